/** Where a demo sends its messages: `udp://HOST:PORT` or `tcp://HOST:PORT` (IPv6 hosts in brackets). */

/** A parsed target. */
export interface DemoTarget {
  transport: 'udp' | 'tcp';
  /** Host name or address, IPv6 without brackets. */
  host: string;
  port: number;
  /** The target as written back: "udp://127.0.0.1:5514". */
  url: string;
}

const targetPattern = /^(udp|tcp):\/\/(\[[0-9a-fA-F:.]+\]|[^\s/:[\]]+):(\d{1,5})\/?$/;

/** Parse a target; throws with a message saying what a target looks like. */
export function parseDemoTarget(text: string): DemoTarget {
  const match = targetPattern.exec(text.trim());
  const port = match ? Number(match[3]) : 0;
  if (!match || port < 1 || port > 65_535) {
    throw new Error(`a demo target is udp://HOST:PORT or tcp://HOST:PORT (port 1-65535), for example udp://127.0.0.1:5514, not '${text}'`);
  }
  const host = match[2].startsWith('[') ? match[2].slice(1, -1) : match[2];
  return { transport: match[1] as 'udp' | 'tcp', host, port, url: `${match[1]}://${match[2]}:${port}` };
}
