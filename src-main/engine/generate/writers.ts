import type { Random } from '../../../src-shared/random.js';
import type { Device } from './devices.js';
import type { GeneratedEvent } from './event.js';
import type { GenerateFormat } from './options.js';
import { createTimestampFormatter } from './timestamps.js';
import type { Place } from './world.js';

/** Receives each output row (one line of the events file, with its newline) and its label. */
export type RowSink = (line: string, label: string) => void;

/** Turns events into the rows of one format. */
export interface RowWriter {
  /** The header line, or null for formats without one. */
  header: string | null;
  /** Writes the row(s) of one event; `roundTripMs` is shown only by formats that have the column. */
  write(event: GeneratedEvent, roundTripMs: number | null, sink: RowSink): void;
}

/** The exact header of the Kaggle RBA dataset. */
export const rbaHeader =
  'index,Login Timestamp,User ID,Round-Trip Time [ms],IP Address,Country,Region,City,ASN,User Agent String,Browser Name and Version,OS Name and Version,Device Type,Login Successful,Is Attack IP,Is Account Takeover';

/** A CSV field, quoted when it holds a comma, quote or line break (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Memoises a per-object rendering: rows repeat the same few devices and places millions of times. */
function memo<K extends object>(render: (key: K) => string): (key: K) => string {
  const cache = new Map<K, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) {
      text = render(key);
      cache.set(key, text);
    }
    return text;
  };
}

function rbaWriter(): RowWriter {
  const times = createTimestampFormatter();
  const place = memo((value: Place) => `${value.country},${csvField(value.region ?? '-')},${csvField(value.city ?? '-')}`);
  const device = memo((value: Device) => `${csvField(value.userAgent)},${csvField(value.browser)},${csvField(value.os)},${value.type}`);
  let index = 0;
  return {
    header: rbaHeader,
    write(event, roundTripMs, sink) {
      const { address } = event;
      // Ground truth never goes in the data: Is Attack IP and Is Account Takeover stay False.
      sink(
        `${index++},${times.rba(event.time)},${event.account.id},${roundTripMs === null ? '' : `${roundTripMs}.0`},${address.ip},${place(address.place)},${address.asn},${device(event.device)},${event.success ? 'True,False,False\n' : 'False,False,False\n'}`,
        event.label,
      );
    },
  };
}

function jsonlWriter(): RowWriter {
  const times = createTimestampFormatter();
  const place = memo((value: Place) => `"country":${JSON.stringify(value.country)},"region":${JSON.stringify(value.region)},"city":${JSON.stringify(value.city)}`);
  const agent = memo((value: Device) => JSON.stringify(value.userAgent));
  return {
    header: null,
    write(event, _roundTripMs, sink) {
      const { address } = event;
      sink(
        `{"time":"${times.iso(event.time)}","user":${JSON.stringify(event.account.name)},"ip":"${address.ip}","outcome":"${event.success ? 'success' : 'failure'}",${place(address.place)},"asn":${address.asn},"user_agent":${agent(event.device)}}\n`,
        event.label,
      );
    },
  };
}

/** Host name of the SSH gateway in generated auth.log lines. */
export const authlogHost = 'bastion01';

function authlogWriter(random: Random): RowWriter {
  const times = createTimestampFormatter();
  let pid = 1000 + random.integer(20_000);
  return {
    header: null,
    write(event, _roundTripMs, sink) {
      // Each connection is a new sshd child: PIDs climb and wrap like a busy host's.
      pid += 1 + random.integer(40);
      if (pid > 65_000) pid = 1000 + random.integer(1000);
      const port = 32_768 + random.integer(28_232);
      const prefix = `${times.syslog(event.time)} ${authlogHost} sshd[${pid}]: `;
      const { name } = event.account;
      const from = `from ${event.address.ip} port ${port}`;
      if (event.success) {
        sink(`${prefix}Accepted password for ${name} ${from} ssh2\n`, event.label);
      } else if (event.account.exists) {
        sink(`${prefix}Failed password for ${name} ${from} ssh2\n`, event.label);
      } else {
        sink(`${prefix}Invalid user ${name} ${from}\n`, event.label);
        sink(`${prefix}Failed password for invalid user ${name} ${from} ssh2\n`, event.label);
      }
    },
  };
}

/** The row writer of a format; `random` drives format-only details (sshd PIDs and ports). */
export function createRowWriter(format: GenerateFormat, random: Random): RowWriter {
  switch (format) {
    case 'rba':
      return rbaWriter();
    case 'jsonl':
      return jsonlWriter();
    case 'authlog':
      return authlogWriter(random);
  }
}
