import { parseArgs } from 'node:util';
import {
  defaultOptions,
  generate,
  generateFormats,
  parseScenarios,
  type GenerateFormat,
  type GenerateOptions,
  type GenerateSummary,
} from '../../engine/generate/index.js';
import { UsageError, type Command } from '../command.js';
import { createProgressLine, formatCount } from '../progress.js';

const usage =
  'vigil generate --out FILE [--format rba|authlog|jsonl] [--users N] [--days N] [--rows N] [--seed S] [--scenarios all|none|LIST] [--start ISO] [--json]';

function integerOption(name: string, text: string | undefined, minimum: number, maximum: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replaceAll('_', ''));
  if (!/^\d[\d_]*$/.test(text) || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw new UsageError(`--${name} must be an integer from ${minimum} to ${maximum}, not '${text}'`);
  }
  return value;
}

function startOption(text: string | undefined): number {
  if (text === undefined) return defaultOptions.start;
  const value = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`);
  if (!Number.isFinite(value)) throw new UsageError(`--start must be an ISO 8601 date or time, not '${text}'`);
  return value;
}

/** The options of a command line (throws UsageError for anything invalid). */
export function parseGenerateOptions(argv: string[]): { options: GenerateOptions; out: string; json: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', default: defaultOptions.format },
      users: { type: 'string' },
      days: { type: 'string' },
      rows: { type: 'string' },
      seed: { type: 'string' },
      scenarios: { type: 'string', default: 'all' },
      start: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (!values.out) throw new UsageError('--out FILE is required');
  const format = values.format as GenerateFormat;
  if (!generateFormats.includes(format)) throw new UsageError(`unknown format '${values.format}' (choose from ${generateFormats.join(', ')})`);
  if (values.users !== undefined && values.rows !== undefined) throw new UsageError('give --users or --rows, not both');
  let scenarios;
  try {
    scenarios = parseScenarios(values.scenarios);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const rows = integerOption('rows', values.rows, 1, 1_000_000_000);
  return {
    out: values.out,
    json: values.json,
    options: {
      format,
      users: integerOption('users', values.users, 1, 10_000_000) ?? defaultOptions.users,
      days: integerOption('days', values.days, 1, 3660) ?? defaultOptions.days,
      seed: integerOption('seed', values.seed, 0, 0xffff_ffff) ?? defaultOptions.seed,
      scenarios,
      start: startOption(values.start),
      ...(rows !== undefined ? { rows } : {}),
    },
  };
}

/** The summary a person reads: size, label shares, speed, and where the labels went. */
export function describeGeneration(summary: GenerateSummary): string {
  const seconds = summary.elapsedMs / 1000;
  const lines = [
    `${summary.eventsPath} (${summary.format}): ${formatCount(summary.rows)} rows, ${formatCount(summary.users)} users, ${summary.days} days from ${summary.start.slice(0, 10)}, seed ${summary.seed}`,
    `  ${seconds.toFixed(1)} s, ${formatCount(seconds > 0 ? summary.rows / seconds : 0)} rows/s`,
  ];
  const width = Math.max(...Object.keys(summary.labels).map((label) => label.length));
  for (const [label, count] of Object.entries(summary.labels)) {
    if (count === 0 && label !== 'normal') continue;
    const share = summary.rows > 0 ? (100 * count) / summary.rows : 0;
    lines.push(`  ${label.padEnd(width)} ${formatCount(count).padStart(11)}  ${share.toFixed(2).padStart(6)}%`);
  }
  lines.push(`labels: ${summary.labelsPath}`);
  return lines.join('\n') + '\n';
}

/** `vigil generate`: a synthetic, labelled login stream for tests, benchmarks, evaluation and training. */
export const command: Command = {
  summary: 'Generate a synthetic login stream with labelled attacks (rba, authlog or jsonl)',
  usage,
  async run(argv) {
    const { options, out, json } = parseGenerateOptions(argv);
    const progress = createProgressLine();
    const summary = await generate(options, {
      eventsPath: out,
      labelsPath: `${out}.labels.csv`,
      onProgress: ({ rows, fraction }) => progress.update(`${out}: ${formatCount(rows)} rows`, fraction),
    }).finally(() => progress.done());
    process.stdout.write(json ? JSON.stringify(summary, null, 2) + '\n' : describeGeneration(summary));
    return 0;
  },
};
