/**
 * Syslog lines with a `<PRI>` prefix: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`)
 * and RFC 3164 (`<PRI>Mmm dd hh:mm:ss host tag: msg`), as a syslog socket or a relay writes them.
 */
import { parseClassicSyslog, type HeaderResult, type SyslogClock } from './syslog-header.js';
import { readIsoTime } from './time.js';

const priorityPattern = /^<(\d{1,3})>/;

/** Where the text after `<PRI>` starts, or -1 when the line has no valid priority. */
export function priorityEnd(text: string): number {
  const match = priorityPattern.exec(text);
  return match && Number(match[1]) <= 191 ? match[0].length : -1;
}

/** Parse a `<PRI>` line of either RFC. */
export function parsePrioritySyslog(text: string, clock: SyslogClock, lineNumber: number): HeaderResult {
  const start = priorityEnd(text);
  if (start < 0) return { reason: 'not a syslog line' };
  if (text.charCodeAt(start) === 0x31 && text.charCodeAt(start + 1) === 0x20) return parseRfc5424(text, start + 2, clock.timeZone);
  return parseClassicSyslog(text, start, clock, lineNumber);
}

/** The next space-separated header field and where the one after it starts; '-' is null (nil). */
function nextField(text: string, start: number): { value: string | null; next: number } | null {
  const end = text.indexOf(' ', start);
  if (end <= start) return null;
  const value = text.slice(start, end);
  return { value: value === '-' ? null : value, next: end + 1 };
}

/** Skip structured data (`-` or `[id k="v" …]…`, with `\]` `\"` escapes in values); -1 when malformed. */
function skipStructuredData(text: string, start: number): number {
  if (text.charCodeAt(start) === 0x2d) return start + 1;
  let index = start;
  while (text.charCodeAt(index) === 0x5b) {
    let quoted = false;
    index++;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (quoted && code === 0x5c) index++;
      else if (code === 0x22) quoted = !quoted;
      else if (code === 0x5d && !quoted) break;
    }
    if (index >= text.length) return -1;
    index++;
  }
  return index === start ? -1 : index;
}

function parseRfc5424(text: string, start: number, timeZone: string): HeaderResult {
  if (text.charCodeAt(start) === 0x2d) return { reason: 'syslog line without timestamp' };
  const stamp = readIsoTime(text, start, timeZone);
  if (!stamp || text.charCodeAt(stamp.end) !== 0x20) return { reason: `unparseable time '${text.slice(start, text.indexOf(' ', start))}'` };
  const host = nextField(text, stamp.end + 1);
  const app = host && nextField(text, host.next);
  const process = app && nextField(text, app.next);
  const messageId = process && nextField(text, process.next);
  if (!messageId) return { reason: 'incomplete RFC 5424 header' };
  const dataEnd = skipStructuredData(text, messageId.next);
  if (dataEnd < 0) return { reason: 'malformed RFC 5424 structured data' };
  let message = text.slice(dataEnd + 1);
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1);
  const tag = `${app.value ?? ''}${process.value ? `[${process.value}]` : ''}`;
  return { time: stamp.time, host: host.value, tag, message };
}
