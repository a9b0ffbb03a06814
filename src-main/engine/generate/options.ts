/** Attack scenarios the generator can weave into the timeline. */
export const scenarioNames = [
  'brute_force',
  'password_spray',
  'credential_stuffing',
  'impossible_travel',
  'account_takeover',
  'insider_off_hours',
] as const;
/** One attack scenario's name (also its label). */
export type ScenarioName = (typeof scenarioNames)[number];

/** Every label the labels file can hold: benign, each scenario, and a brute force that succeeded. */
export const labelNames = ['normal', ...scenarioNames, 'brute_force_takeover'] as const;

/** Output layouts. */
export const generateFormats = ['rba', 'authlog', 'jsonl'] as const;
/** An output layout. */
export type GenerateFormat = (typeof generateFormats)[number];

/** What to generate. */
export interface GenerateOptions {
  format: GenerateFormat;
  /** Population size (ignored when `rows` is set). */
  users: number;
  days: number;
  seed: number;
  scenarios: readonly ScenarioName[];
  /** UTC ms of the first day. */
  start: number;
  /** Approximate total rows wanted: sets the population size for the span. */
  rows?: number;
}

/** Default start: a Monday, so the first days are working days. */
export const defaultStart = Date.UTC(2026, 0, 5);

/** Defaults for every option. */
export const defaultOptions: GenerateOptions = {
  format: 'rba',
  users: 200,
  days: 30,
  seed: 1,
  scenarios: scenarioNames,
  start: defaultStart,
};

/** Benign rows per user and day, averaged over the population's patterns (measured with seed 1). */
export const benignRowsPerUserDay = 3.35;

/** The population size that yields about `rows` rows over `days` days (attacks add a few percent). */
export function usersForRows(rows: number, days: number): number {
  return Math.max(1, Math.round(rows / (days * benignRowsPerUserDay * 1.045)));
}

/**
 * Scenario names from "all" or a comma-separated list; throws on an unknown name
 * (the message lists the valid ones).
 */
export function parseScenarios(text: string): ScenarioName[] {
  if (text.trim() === 'all') return [...scenarioNames];
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const chosen: ScenarioName[] = [];
  for (const name of names) {
    if (name === 'none') continue;
    if (!(scenarioNames as readonly string[]).includes(name)) {
      throw new Error(`unknown scenario '${name}' (choose from all, none, ${scenarioNames.join(', ')})`);
    }
    if (!chosen.includes(name as ScenarioName)) chosen.push(name as ScenarioName);
  }
  return chosen;
}
