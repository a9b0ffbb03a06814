import { parseArgs } from 'node:util';
import { FileTail } from '../../engine/live/file-tail.js';
import type { LiveInput } from '../../engine/live/live-input.js';
import { LiveIngest, type LiveIngestStats } from '../../engine/live/live-ingest.js';
import { startSyslogListener } from '../../engine/live/syslog-server.js';
import { openCase } from '../../engine/store/database.js';
import { UsageError, type Command } from '../command.js';
import { createProgressLine, formatCount } from '../progress.js';

const usage =
  'vigil listen --case CASE.vigil [--udp [HOST:]PORT]... [--tcp [HOST:]PORT]... [--tail FILE]... [--from-start]\n' +
  '             [--tz ZONE] [--year YYYY] [--queue N] [--max-message BYTES] [--seconds N]';

/** `vigil listen`: receive syslog (UDP, TCP) and follow files into a case, showing the counters, until interrupted. */
export const command: Command = {
  summary: 'Listen for syslog (UDP/TCP) and follow log files, storing logins in a case as they arrive',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string' },
        udp: { type: 'string', multiple: true },
        tcp: { type: 'string', multiple: true },
        tail: { type: 'string', multiple: true },
        'from-start': { type: 'boolean', default: false },
        tz: { type: 'string' },
        year: { type: 'string' },
        queue: { type: 'string', default: '10000' },
        'max-message': { type: 'string', default: '65536' },
        seconds: { type: 'string' },
      },
    });
    if (!values.case) throw new UsageError('--case is required');
    const endpoints = [...(values.udp ?? []).map((text) => ({ transport: 'udp' as const, ...readEndpoint(text) })), ...(values.tcp ?? []).map((text) => ({ transport: 'tcp' as const, ...readEndpoint(text) }))];
    const files = values.tail ?? [];
    if (endpoints.length === 0 && files.length === 0) throw new UsageError('name at least one --udp, --tcp or --tail');
    const queueCapacity = readInteger(values.queue, '--queue', 1, 10_000_000);
    const maxMessageBytes = readInteger(values['max-message'], '--max-message', 480, 16 * 1024 * 1024);
    const year = values.year === undefined ? undefined : readInteger(values.year, '--year', 1970, 2100);
    const seconds = values.seconds === undefined ? undefined : readInteger(values.seconds, '--seconds', 1, 365 * 86_400);
    if (values.tz) checkTimeZone(values.tz);

    const db = openCase(values.case);
    const ingest = new LiveIngest(db, { timeZone: values.tz, year, actor: 'cli', onError: (error) => process.stderr.write(`cannot store live messages: ${error.message}\n`) });
    const inputs: LiveInput[] = [];
    try {
      for (const endpoint of endpoints) inputs.push(await startSyslogListener({ ...endpoint, queueCapacity, maxMessageBytes }));
    } catch (error) {
      await Promise.all(inputs.map((input) => input.close()));
      await ingest.stop();
      db.close();
      throw new UsageError(`cannot listen: ${(error as Error).message}`);
    }
    for (const path of files) inputs.push(new FileTail({ path, from: values['from-start'] ? 'start' : 'end', queueCapacity, maxMessageBytes }));
    const sourceIds = inputs.map((input) => ingest.add(input));
    inputs.forEach((input, index) => process.stdout.write(`${input.name} → source #${sourceIds[index]}\n`));
    process.stdout.write(`Storing into ${values.case}. Press Ctrl+C to stop.\n`);

    const progress = createProgressLine();
    const timer = setInterval(() => progress.update(describe(ingest.stats()), null), 1000);
    await waitForStop(seconds);
    clearInterval(timer);
    progress.done();
    await ingest.stop();
    const stats = ingest.stats();
    db.close();
    inputs.forEach((input, index) => process.stdout.write(`${input.name}: ${describe(stats.sources[sourceIds[index]])}\n`));
    return 0;
  },
};

/** The counters in one line. */
function describe(stats: LiveIngestStats): string {
  return `received ${formatCount(stats.received)} · stored ${formatCount(stats.stored)} events · rejected ${formatCount(stats.rejected)} · ignored ${formatCount(stats.ignored)} · dropped ${formatCount(stats.dropped)} · queued ${formatCount(stats.queueDepth)}`;
}

/** `PORT`, `HOST:PORT` or `[IPv6]:PORT`; the host defaults to 127.0.0.1. */
function readEndpoint(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]:|([^:]+):)?(\d{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : Number.NaN;
  if (!match || port > 65535) throw new UsageError(`a listener address is [HOST:]PORT, not '${text}'`);
  return { host: match[1] ?? match[2] ?? '127.0.0.1', port };
}

function readInteger(text: string, option: string, low: number, high: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < low || value > high) throw new UsageError(`${option} must be a whole number from ${low} to ${high}, not '${text}'`);
  return value;
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new UsageError(`unknown time zone '${timeZone}' (use an IANA name such as UTC or Europe/Oslo)`);
  }
}

/** Resolves on Ctrl+C, SIGTERM, or after `seconds`. */
function waitForStop(seconds: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = seconds === undefined ? undefined : setTimeout(() => stop(), seconds * 1000);
    const stop = (): void => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
