/** The attacks a demo can play, by the names the command line and the Live view use. */

/**
 * Every scenario, in the order `all` plays them. Credential stuffing comes last: while its campaign is in
 * its hour-long window, every login from a new address is read as part of it, which would put the
 * campaign first among the reasons of the attacks after it.
 */
export const demoScenarioNames = ['brute-force-takeover', 'password-spray', 'impossible-travel', 'new-device-night', 'credential-stuffing'] as const;
/** One scenario's name. */
export type DemoScenario = (typeof demoScenarioNames)[number];

/** The scenarios of a name or `all`; throws on an unknown name (the message lists the valid ones). */
export function parseDemoScenarios(text: string): DemoScenario[] {
  const name = text.trim();
  if (name === 'all') return [...demoScenarioNames];
  if ((demoScenarioNames as readonly string[]).includes(name)) return [name as DemoScenario];
  throw new Error(`unknown scenario '${text}' (choose from all, ${demoScenarioNames.join(', ')})`);
}
