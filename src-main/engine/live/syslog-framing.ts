/**
 * Splitting a syslog byte stream into messages (RFC 6587): octet counting (`LEN SP <PRI>…`) and
 * non-transparent framing (a message ends at LF, or at NUL as some senders write it). The framing is
 * recognised at the start of every frame from its first byte, as rsyslog does, so one connection may
 * mix both and a bad frame costs only itself: the stream re-synchronises at the next frame.
 */

/** Default longest message: 64 KiB, as a UDP datagram and most relays allow. */
export const defaultMaxMessageBytes = 65_536;

/** How much of a rejected frame is kept as evidence. */
export const rejectHeadBytes = 1024;

/** What the deframer made of the bytes so far. */
export type Frame =
  /** One message's bytes; `fallback` says why a frame that began like an octet count was read as a line. */
  | { kind: 'message'; bytes: Buffer; fallback?: string }
  /** A frame that cannot be kept, with its first bytes. */
  | { kind: 'reject'; reason: string; head: Buffer };

/** Options of a deframer. */
export interface DeframerOptions {
  /** Longest message in bytes; longer ones are cut off and reported. Default 64 KiB. */
  maxMessageBytes?: number;
  /** 'auto' (syslog over TCP: octet counting or newline per frame) or 'lines' (a file: LF only). */
  framing?: 'auto' | 'lines';
}

const lineFeed = 0x0a;
const nul = 0x00;
const carriageReturn = 0x0d;
const space = 0x20;
const lessThan = 0x3c;
/** A count with more digits than this is not a count (2^53 has 16 digits). */
const maxCountDigits = 16;

/** Where the deframer is within the current frame. */
type State =
  /** At a frame's first byte. */
  | { mode: 'start' }
  /** In an octet-counted frame that is complete once `need` bytes from its start have arrived. */
  | { mode: 'counted'; need: number }
  /** In a line: `scanned` bytes of it searched for a terminator; `fallback` when it began like a count. */
  | { mode: 'line'; scanned: number; fallback: string | null }
  /** Dropping an overlong line up to its terminator. */
  | { mode: 'skip'; skipped: number; head: Buffer };

/** What an octet count at a frame's start amounts to. */
type Counted =
  | { kind: 'frame'; start: number; end: number }
  /** Not a count at all (digits of a date, say): an ordinary line. */
  | { kind: 'line' }
  /** A count that cannot be trusted: read the frame as a line, and say why. */
  | { kind: 'fallback'; reason: string }
  /** More bytes needed; `need` counts them from the frame's start when the count is known. */
  | { kind: 'wait'; need?: number };

/** A per-connection (or per-file) splitter of bytes into frames. Feed it chunks in order. */
export class SyslogDeframer {
  private readonly maxBytes: number;
  private readonly auto: boolean;
  /** The unfinished frame's bytes, from its start, as the chunks that brought them (joined when complete). */
  private parts: Buffer[] = [];
  private partsLength = 0;
  private state: State = { mode: 'start' };

  constructor(options: DeframerOptions = {}) {
    this.maxBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
    this.auto = (options.framing ?? 'auto') === 'auto';
  }

  /**
   * Frames completed by `chunk`; an unfinished frame waits for the next chunk. Chunks are kept by
   * reference until their frame completes: do not reuse them.
   */
  push(chunk: Buffer): Frame[] {
    if (this.waitsFor(chunk)) {
      // Still incomplete: keep the chunk without joining, so a message sent a byte at a time costs linear work.
      this.parts.push(chunk);
      this.partsLength += chunk.length;
      return [];
    }
    const frames: Frame[] = [];
    const buffer = this.parts.length > 0 ? Buffer.concat([...this.parts, chunk]) : chunk;
    let position = 0;
    while (position < buffer.length) {
      const state = this.state;
      if (state.mode === 'skip') {
        const end = this.findTerminator(buffer, position);
        state.skipped += (end < 0 ? buffer.length : end) - position;
        if (end < 0) {
          position = buffer.length;
          break;
        }
        frames.push(overlongReject(state.skipped, this.maxBytes, state.head));
        this.state = { mode: 'start' };
        position = end + 1;
        continue;
      }
      if (state.mode === 'start' || state.mode === 'counted') {
        const counted: Counted = this.auto && isDigit(buffer[position]) ? this.readCounted(buffer, position) : { kind: 'line' };
        if (counted.kind === 'wait') {
          this.state = counted.need === undefined ? { mode: 'start' } : { mode: 'counted', need: counted.need };
          break;
        }
        if (counted.kind === 'frame') {
          frames.push({ kind: 'message', bytes: buffer.subarray(counted.start, counted.end) });
          position = counted.end;
          continue;
        }
        this.state = { mode: 'line', scanned: 0, fallback: counted.kind === 'fallback' ? counted.reason : null };
        continue;
      }
      const end = this.findTerminator(buffer, position + state.scanned);
      if (end >= 0) {
        frames.push(this.lineFrame(buffer.subarray(position, end), state.fallback));
        this.state = { mode: 'start' };
        position = end + 1;
      } else if (buffer.length - position > this.maxBytes) {
        // Never buffer an overlong line: keep its head as evidence and drop the rest up to its end.
        this.state = { mode: 'skip', skipped: buffer.length - position, head: Buffer.from(buffer.subarray(position, position + rejectHeadBytes)) };
        position = buffer.length;
      } else {
        state.scanned = buffer.length - position;
        break;
      }
    }
    this.parts = position < buffer.length ? [buffer.subarray(position)] : [];
    this.partsLength = buffer.length - position;
    return frames;
  }

  /** True when `chunk` cannot complete the waiting frame (and cannot make its line overlong). */
  private waitsFor(chunk: Buffer): boolean {
    const state = this.state;
    if (this.parts.length === 0) return false;
    if (state.mode === 'counted') return this.partsLength + chunk.length < state.need;
    if (state.mode !== 'line' || this.partsLength + chunk.length > this.maxBytes) return false;
    if (this.findTerminator(chunk, 0) >= 0) return false;
    state.scanned += chunk.length;
    return true;
  }

  /** Frames left when the stream ends: an unterminated last line, a count that promised more than came. */
  end(): Frame[] {
    const frames: Frame[] = [];
    // Each round reads one line of what is left and re-frames the rest, so a lying count near the end
    // costs one frame, not every frame after it. What is left is at most one message long.
    for (;;) {
      const state = this.state;
      const rest = Buffer.concat(this.parts);
      this.state = { mode: 'start' };
      this.parts = [];
      this.partsLength = 0;
      if (state.mode === 'skip') {
        frames.push(overlongReject(state.skipped, this.maxBytes, state.head));
        break;
      }
      if (rest.length === 0) break;
      let fallback = state.mode === 'line' ? state.fallback : null;
      if (state.mode !== 'line' && this.auto && isDigit(rest[0])) {
        const counted = this.readCounted(rest, 0);
        if (counted.kind === 'wait') fallback = 'octet count promised more bytes than the stream delivered; read as a line';
        else if (counted.kind === 'fallback') fallback = counted.reason;
      }
      const end = this.findTerminator(rest, 0);
      frames.push(this.lineFrame(rest.subarray(0, end < 0 ? rest.length : end), fallback));
      if (end < 0) break;
      frames.push(...this.push(rest.subarray(end + 1)));
    }
    return frames;
  }

  /** An octet-counted frame at `start`, a reason to read it as a line instead, or a wait for more bytes. */
  private readCounted(buffer: Buffer, start: number): Counted {
    let index = start;
    while (index < buffer.length && index - start <= maxCountDigits && isDigit(buffer[index])) index++;
    const digits = index - start;
    if (digits > maxCountDigits) return { kind: 'line' };
    if (index >= buffer.length) return { kind: 'wait' };
    // Digits not followed by a space (an ISO date), or a leading zero: a line that starts with a number.
    if (buffer[index] !== space || buffer[start] === 0x30) return { kind: 'line' };
    const count = Number(buffer.toString('latin1', start, index));
    if (count > this.maxBytes) return { kind: 'fallback', reason: `octet count ${count} exceeds the maximum of ${this.maxBytes} bytes; read as a line` };
    if (index + 1 >= buffer.length) return { kind: 'wait' };
    if (buffer[index + 1] !== lessThan) return { kind: 'fallback', reason: `octet count ${count} not followed by <PRI>; read as a line` };
    const end = index + 1 + count;
    return end <= buffer.length ? { kind: 'frame', start: index + 1, end } : { kind: 'wait', need: end - start };
  }

  /** A complete line as a frame: without its CR, without an untrusted count before `<PRI>`, bounded. */
  private lineFrame(line: Buffer, fallback: string | null): Frame {
    let bytes = line.length > 0 && line[line.length - 1] === carriageReturn ? line.subarray(0, -1) : line;
    if (fallback) {
      const countEnd = bytes.indexOf(space);
      if (countEnd > 0 && countEnd <= maxCountDigits && bytes[countEnd + 1] === lessThan) bytes = bytes.subarray(countEnd + 1);
    }
    if (bytes.length > this.maxBytes) return overlongReject(bytes.length, this.maxBytes, Buffer.from(bytes.subarray(0, rejectHeadBytes)));
    return fallback ? { kind: 'message', bytes, fallback } : { kind: 'message', bytes };
  }

  private findTerminator(buffer: Buffer, from: number): number {
    const lineEnd = buffer.indexOf(lineFeed, from);
    if (!this.auto) return lineEnd;
    // NUL ends a frame too; search for it only up to the line feed.
    const nulEnd = (lineEnd < 0 ? buffer : buffer.subarray(0, lineEnd)).indexOf(nul, from);
    return nulEnd >= 0 ? nulEnd : lineEnd;
  }
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function overlongReject(length: number, maxBytes: number, head: Buffer): Frame {
  return { kind: 'reject', reason: `message longer than ${maxBytes} bytes (${length} bytes)`, head };
}
