/**
 * What a live source hands to the store: a decoded message, or a reject with its reason. Every frame a
 * listener reads becomes one of the two (empty frames aside), so nothing is lost without a trace.
 */
import { isUtf8 } from 'node:buffer';
import { rejectHeadBytes } from './syslog-framing.js';

/** How a message arrived. */
export type LiveTransport = 'udp' | 'tcp' | 'file';

/** Where and when a message arrived. */
export interface LiveOrigin {
  /** UTC ms when the listener read it. */
  receivedAt: number;
  /** The sender's `address:port`, or the file's path. */
  remote: string;
  transport: LiveTransport;
  /** 1-based line number within the file (file tail only). */
  fileLine?: number;
}

/** One item of a live queue. */
export type LiveItem =
  /** A message as text, one line (inner line breaks escaped as `#012`, as rsyslog does). */
  | ({ kind: 'message'; text: string } & LiveOrigin)
  /** A frame that could not be kept, with its reason and a printable copy of its first bytes. */
  | ({ kind: 'reject'; reason: string; raw: string } & LiveOrigin);

/** The decoded text of a frame, or why it was rejected; null for an empty frame (nothing to report). */
export type DecodedFrame = { text: string } | { reason: string; raw: string } | null;

/**
 * Decode a frame's bytes: valid UTF-8 without binary control characters, at most `maxBytes` long.
 * A trailing LF/CR/NUL (a datagram's terminator) is dropped; line breaks inside are escaped so the
 * message stays one line in the case's raw evidence.
 */
export function decodeFrame(bytes: Buffer, maxBytes: number): DecodedFrame {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x00)) end--;
  const body = bytes.subarray(0, end);
  if (body.length === 0) return null;
  if (body.length > maxBytes) return { reason: `message longer than ${maxBytes} bytes (${body.length} bytes)`, raw: printable(body) };
  if (!isUtf8(body)) return { reason: 'invalid UTF-8', raw: printable(body) };
  const text = body.toString('utf8');
  const binary = binaryCharacter.exec(text);
  if (binary) return { reason: `binary data (byte 0x${binary[0].charCodeAt(0).toString(16).padStart(2, '0')})`, raw: printable(body) };
  return { text: text.includes('\n') || text.includes('\r') ? text.replace(/\r?\n|\r/g, '#012') : text };
}

/** A bounded, printable copy of rejected bytes: control characters and invalid UTF-8 bytes as `\xNN`. */
export function printable(bytes: Buffer): string {
  const head = bytes.subarray(0, rejectHeadBytes);
  const text = isUtf8(head) ? head.toString('utf8') : decodeLeniently(head);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (character) => hexEscape(character.charCodeAt(0)));
}

/** UTF-8 text with each byte that is not part of a valid character written as `\xNN`. */
function decodeLeniently(bytes: Buffer): string {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const character = bytes.subarray(index, index + length);
    if (length > 0 && character.length === length && isUtf8(character)) {
      text += character.toString('utf8');
      index += length;
    } else {
      text += hexEscape(lead);
      index++;
    }
  }
  return text;
}

function hexEscape(code: number): string {
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * A character that marks binary data: NUL and the C0 controls other than tab, line breaks, form feed
 * and escape (colour codes), and DEL; none occurs in text logs.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const binaryCharacter = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/;

/** An approximate size of an item in memory, for the queue's byte bound. */
export function liveItemBytes(item: LiveItem): number {
  // Two bytes per UTF-16 code unit plus the fields around it.
  return (item.kind === 'message' ? item.text.length : item.raw.length + item.reason.length) * 2 + 96;
}

/** Turn a frame into a queue item, or null for an empty frame. */
export function frameToItem(bytes: Buffer, maxBytes: number, origin: LiveOrigin): LiveItem | null {
  const decoded = decodeFrame(bytes, maxBytes);
  if (decoded === null) return null;
  return 'text' in decoded ? { kind: 'message', text: decoded.text, ...origin } : { kind: 'reject', reason: decoded.reason, raw: decoded.raw, ...origin };
}
