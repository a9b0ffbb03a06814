import { parseArgs } from 'node:util';
import {
  defaultDemoPopulation,
  demoPopulation,
  demoScenarioNames,
  parseDemoScenarios,
  parseDemoTarget,
  prepareHistory,
  runDemo,
  type DemoPhase,
  type DemoPopulation,
  type DemoScenario,
} from '../../engine/demo/index.js';
import { UsageError, type Command } from '../command.js';
import { createProgressLine, formatCount } from '../progress.js';

const usage =
  'vigil demo --prepare --out HISTORY.jsonl [--users N] [--days N] [--seed S] [--history-end YYYY-MM-DD]\n' +
  `vigil demo --scenario ${demoScenarioNames.join('|')}|all --to udp://HOST:PORT|tcp://HOST:PORT\n` +
  '           [--speed X] [--users N] [--days N] [--seed S] [--history-end YYYY-MM-DD]';

function integerOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--${name} must be a whole number, not '${text}'`);
  return value;
}

function dateOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--history-end must be a date YYYY-MM-DD (UTC), not '${text}'`);
  return value;
}

/** The population options, checked (a usage error names the bad one). */
function population(values: { users?: string; days?: string; seed?: string; 'history-end'?: string }): DemoPopulation {
  try {
    return demoPopulation(
      {
        users: integerOption('users', values.users, defaultDemoPopulation.users),
        days: integerOption('days', values.days, defaultDemoPopulation.days),
        seed: integerOption('seed', values.seed, defaultDemoPopulation.seed),
        historyEnd: dateOption(values['history-end']),
      },
      Date.now(),
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--${(error as Error).message}`);
  }
}

/** The options that make the demo's population, as the trainer passes them again. */
function populationFlags(chosen: DemoPopulation, given: { users?: string; days?: string; seed?: string; 'history-end'?: string }): string {
  const flags = [given.users ? `--users ${chosen.users}` : '', given.days ? `--days ${chosen.days}` : '', given.seed ? `--seed ${chosen.seed}` : '', given['history-end'] ? `--history-end ${given['history-end']}` : ''];
  return flags.filter(Boolean).map((flag) => ` ${flag}`).join('');
}

async function prepare(out: string | undefined, values: Parameters<typeof population>[0]): Promise<number> {
  if (!out) throw new UsageError('--prepare needs --out HISTORY.jsonl');
  const chosen = population(values);
  const summary = await prepareHistory(chosen, out);
  const end = new Date(chosen.historyEnd).toISOString().slice(0, 10);
  const flags = populationFlags(chosen, values);
  process.stdout.write(
    [
      `${out}: ${formatCount(summary.rows)} normal logins of ${summary.users} users over ${summary.days} days up to ${end} (UTC), seed ${summary.seed}`,
      'Next:',
      `  vigil import ${out} --case demo.vigil`,
      '  vigil train --case demo.vigil',
      '  vigil listen --case demo.vigil --udp 5514',
      `  vigil demo --scenario all --to udp://127.0.0.1:5514${flags}`,
      `Run the demo with the same --users, --days and --seed; on a later day than ${end} add --history-end ${end}.`,
    ].join('\n') + '\n',
  );
  return 0;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `vigil demo`: a trainer's demo: write the history to train on, or play normal traffic and named attacks into a listener. */
export const command: Command = {
  summary: 'Trainer demo: write a history to train on, then replay normal logins and named attacks into a syslog listener',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        prepare: { type: 'boolean', default: false },
        out: { type: 'string', short: 'o' },
        scenario: { type: 'string' },
        to: { type: 'string' },
        speed: { type: 'string', default: '1' },
        users: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        'history-end': { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (values.prepare) return prepare(values.out, values);
    if (!values.scenario) throw new UsageError(`--scenario is required (${demoScenarioNames.join(', ')} or all), or --prepare`);
    if (!values.to) throw new UsageError('--to udp://HOST:PORT or tcp://HOST:PORT is required');
    let scenario: DemoScenario | 'all';
    try {
      const scenarios = parseDemoScenarios(values.scenario);
      scenario = scenarios.length > 1 ? 'all' : scenarios[0];
      parseDemoTarget(values.to);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const speed = Number(values.speed);
    if (!Number.isFinite(speed) || speed <= 0 || speed > 10_000) throw new UsageError(`--speed must be a number above 0 (at most 10000), not '${values.speed}'`);
    const chosen = population(values);

    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const progress = createProgressLine();
    const began = Date.now();
    let total = 0;
    try {
      const result = await runDemo({
        scenario,
        target: values.to,
        speed,
        ...chosen,
        signal: controller.signal,
        onPlan: (plan) => {
          total = plan.items.length;
          process.stdout.write(
            `Demo to ${values.to}: ${formatCount(total)} messages over ${seconds(plan.durationMs / speed)} (speed ${speed}); ` +
              `${plan.population.users} users, seed ${plan.population.seed}, history up to ${new Date(plan.population.historyEnd).toISOString().slice(0, 10)}\n`,
          );
        },
        onPhase: (phase: DemoPhase, index: number) => {
          progress.done();
          const stamp = `[${seconds(Date.now() - began).padStart(7)}]`;
          // The background is described once; after an attack it just goes on.
          if (phase.scenario === null && index > 0) process.stdout.write(`${stamp} background continues\n`);
          else process.stdout.write(`${stamp} ${phase.name} ${phase.target}\n            expect: ${phase.expect}\n`);
        },
        onProgress: ({ sent, phase }) => progress.update(`${phase}: ${formatCount(sent)}/${formatCount(total)} sent`, sent / total),
      });
      progress.done();
      process.stdout.write(
        result.cancelled ? `Stopped: ${formatCount(result.sent)} of ${formatCount(result.total)} messages sent.\n` : `Done: ${formatCount(result.sent)} messages sent in ${seconds(Date.now() - began)}.\n`,
      );
      return result.cancelled ? 130 : 0;
    } finally {
      progress.done();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
