import { parseArgs } from 'node:util';
import type { AlertChannels } from '../../../src-shared/api/settings.js';
import { parseEndpoint } from '../../engine/live/live-listeners.js';
import { LiveSession, type LiveAlert, type LiveListenerConfig, type LiveListenerStatus, type LiveSessionStatus } from '../../engine/live/live-session.js';
import { UsageError, type Command } from '../command.js';
import { createProgressLine, formatCount } from '../progress.js';

const usage =
  'vigil listen --case CASE.vigil [--udp [HOST:]PORT]... [--tcp [HOST:]PORT]... [--tail FILE]... [--from-start]\n' +
  '             [--tz ZONE] [--year YYYY] [--queue N] [--max-message BYTES] [--seconds N]\n' +
  '             [--webhook URL]... [--webhook-style json|slack] [--email-to ADDR]... --smtp HOST:PORT --email-from ADDR';

/**
 * `vigil listen`: receive syslog (UDP, TCP) and follow files into a case; each login is scored with the
 * case's latest trained run and every alert printed as it fires, with the counters, until interrupted.
 */
export const command: Command = {
  summary: 'Listen for syslog (UDP/TCP) and follow log files: store, score and alert on logins as they arrive',
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
        webhook: { type: 'string', multiple: true },
        'webhook-style': { type: 'string', default: 'json' },
        'email-to': { type: 'string', multiple: true },
        smtp: { type: 'string' },
        'email-from': { type: 'string' },
      },
    });
    if (!values.case) throw new UsageError('--case is required');
    const queueCapacity = readInteger(values.queue, '--queue', 1, 10_000_000);
    const maxMessageBytes = readInteger(values['max-message'], '--max-message', 480, 16 * 1024 * 1024);
    const sizes = { queueCapacity, maxMessageBytes };
    const listeners: LiveListenerConfig[] = [
      ...(values.udp ?? []).map((address) => ({ kind: 'syslog-udp' as const, address: checkEndpoint(address), ...sizes })),
      ...(values.tcp ?? []).map((address) => ({ kind: 'syslog-tcp' as const, address: checkEndpoint(address), ...sizes })),
      ...(values.tail ?? []).map((address) => ({ kind: 'file-tail' as const, address, fromStart: values['from-start'], ...sizes })),
    ];
    if (listeners.length === 0) throw new UsageError('name at least one --udp, --tcp or --tail');
    const year = values.year === undefined ? undefined : readInteger(values.year, '--year', 1970, 2100);
    const seconds = values.seconds === undefined ? undefined : readInteger(values.seconds, '--seconds', 1, 365 * 86_400);
    if (values.tz) checkTimeZone(values.tz);
    const channels = channelOptions(values);

    const progress = createProgressLine();
    let scoring: string | null = null;
    const say = (line: string): void => {
      // Clear a progress line drawn on the terminal before printing above it.
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
      process.stdout.write(`${line}\n`);
    };
    const session = await LiveSession.start({
      casePath: values.case,
      actor: 'cli',
      timeZone: values.tz,
      year,
      channels,
      onAlert: (alert) => say(alertLine(alert)),
      onError: (message) => say(`problem: ${message}`),
      onStatus: (status) => {
        const now = scoringLine(status);
        if (now !== scoring) say(now);
        scoring = now;
        progress.update(describe(totals(status.listeners), status.alerts), null);
      },
    }).catch((error: Error) => {
      throw new Error(`cannot open ${values.case} for listening: ${error.message}`);
    });
    try {
      for (const listener of listeners) {
        const started = await session.addListener(listener);
        process.stdout.write(`${listener.kind} ${started.address} → source #${started.id}\n`);
      }
    } catch (error) {
      await session.stop();
      throw new UsageError(`cannot listen: ${(error as Error).message}`);
    }
    if (channels) process.stdout.write(`Alerts also go to: ${[...(channels.email ? [`e-mail ${channels.email.to.join(', ')}`] : []), ...channels.webhooks.map((hook) => `${hook.style} webhook ${new URL(hook.url).host}`)].join('; ')} (this run only).\n`);
    process.stdout.write(`Storing into ${values.case}. Press Ctrl+C to stop.\n`);

    await waitForStop(seconds);
    const last = session.status();
    await session.stop();
    progress.done();
    const final = session.status();
    const listed = final.listeners.length > 0 ? final.listeners : last.listeners;
    for (const listener of listed) process.stdout.write(`${listener.kind} ${listener.address}: ${describe(listener, null)}\n`);
    process.stdout.write(`${formatCount(final.alerts)} alert${final.alerts === 1 ? '' : 's'}${final.scoring.runId === null ? ` (${final.scoring.reason ?? 'not scored'})` : ` with run #${final.scoring.runId}`}; list incidents with: vigil alerts --case ${values.case}\n`);
    if (final.failure) {
      process.stderr.write(`vigil listen: ${final.failure}\n`);
      return 1;
    }
    return 0;
  },
};

/** One readable line per alert: time, level, risk, decision, user, address, place, reasons, and a new lock. */
export function alertLine(alert: LiveAlert): string {
  const time = new Date(alert.time).toISOString().slice(0, 19).replace('T', ' ');
  const place = [alert.city, alert.country].filter((part) => part).join(', ') || 'unknown place';
  const lock = alert.lockStarted && alert.lockedUntil !== null ? `  LOCKED until ${new Date(alert.lockedUntil).toISOString().slice(0, 19).replace('T', ' ')}Z` : '';
  const incident = alert.incidentId === null ? '' : ` #${alert.incidentId}`;
  const quiet = alert.notify ? '' : ' (not notified)';
  return `ALERT ${time}Z ${alert.level.toUpperCase().padEnd(8)} risk ${alert.risk.toFixed(0).padStart(3)} ${alert.decision.padEnd(9)} ${alert.user} ${alert.ip ?? '-'} (${place})${incident}${quiet}: ${alert.reasons.join('; ') || 'no reason above the explanation threshold'}${lock}`;
}

function scoringLine(status: LiveSessionStatus): string {
  return status.scoring.runId === null ? `not scoring: ${status.scoring.reason ?? 'starting'}` : `scoring with run #${status.scoring.runId}`;
}

function totals(listeners: readonly LiveListenerStatus[]): Omit<LiveListenerStatus, 'id' | 'kind' | 'address' | 'startedAt' | 'lastEventAt' | 'kernelDrops'> {
  const sum = { received: 0, stored: 0, scored: 0, rejected: 0, ignored: 0, dropped: 0, queueDepth: 0 };
  for (const listener of listeners) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += listener[key];
  return sum;
}

/** The counters in one line. */
function describe(counts: ReturnType<typeof totals> & { kernelDrops?: number | null }, alerts: number | null): string {
  const tail = alerts === null ? '' : ` · ${formatCount(alerts)} alerts`;
  const kernel = 'kernelDrops' in counts && typeof counts.kernelDrops === 'number' && counts.kernelDrops > 0 ? ` (+${formatCount(counts.kernelDrops)} by the kernel)` : '';
  return `received ${formatCount(counts.received)} · stored ${formatCount(counts.stored)} events · scored ${formatCount(counts.scored)} · rejected ${formatCount(counts.rejected)} · ignored ${formatCount(counts.ignored)} · dropped ${formatCount(counts.dropped)}${kernel} · queued ${formatCount(counts.queueDepth)}${tail}`;
}

/** The channels named on the command line (they replace the case's for this run), or undefined. */
function channelOptions(values: { webhook?: string[]; 'webhook-style'?: string; 'email-to'?: string[]; smtp?: string; 'email-from'?: string }): AlertChannels | undefined {
  const style = values['webhook-style'];
  if (style !== 'json' && style !== 'slack') throw new UsageError(`--webhook-style is json or slack, not '${style}'`);
  const webhooks = (values.webhook ?? []).map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--webhook needs an http(s) address, not '${url}'`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--webhook needs an http(s) address, not '${url}'`);
    return { url, style: style as 'json' | 'slack' };
  });
  const to = values['email-to'] ?? [];
  let email: AlertChannels['email'] = null;
  if (to.length > 0 || values.smtp || values['email-from']) {
    if (to.length === 0 || !values.smtp || !values['email-from']) throw new UsageError('e-mail alerts need --email-to, --smtp HOST:PORT and --email-from together');
    const { host, port } = (() => {
      try {
        return parseEndpoint(values.smtp);
      } catch {
        throw new UsageError(`--smtp is HOST:PORT, not '${values.smtp}'`);
      }
    })();
    email = { host, port, secure: port === 465, from: values['email-from'], to };
  }
  if (webhooks.length === 0 && !email) return undefined;
  return { desktop: false, email, webhooks };
}

function checkEndpoint(text: string): string {
  try {
    parseEndpoint(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return text;
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
