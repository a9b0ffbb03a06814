import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src-shared/random.js';
import { SyslogDeframer, type DeframerOptions, type Frame } from '../syslog-framing.js';

/** Frames as comparable values. */
interface Seen {
  kind: string;
  text: string;
  fallback?: string;
}

function seen(frames: Frame[]): Seen[] {
  return frames.map((frame) =>
    frame.kind === 'message'
      ? { kind: 'message', text: frame.bytes.toString('latin1'), ...(frame.fallback ? { fallback: frame.fallback } : {}) }
      : { kind: 'reject', text: frame.reason },
  );
}

/** Feed `input` in the given chunk sizes (cycled), then end the stream. */
function deframe(input: Buffer | string, sizes: number[] = [Number.MAX_SAFE_INTEGER], options: DeframerOptions = {}): Seen[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const deframer = new SyslogDeframer(options);
  const frames: Frame[] = [];
  for (let offset = 0, index = 0; offset < bytes.length; index++) {
    const size = Math.max(1, sizes[index % sizes.length]);
    // Copies: the deframer may keep a chunk by reference.
    frames.push(...deframer.push(Buffer.from(bytes.subarray(offset, offset + size))));
    offset += size;
  }
  frames.push(...deframer.end());
  return seen(frames);
}

function messages(...texts: string[]): Seen[] {
  return texts.map((text) => ({ kind: 'message', text }));
}

const first = '<34>Oct 11 22:14:15 host sshd[1]: Failed password for root from 203.0.113.5 port 22 ssh2';
const second = '<165>1 2003-10-11T22:14:15.003Z host sshd 2 - - Accepted password for alice from 198.51.100.7 port 22 ssh2';

function counted(text: string): string {
  return `${Buffer.byteLength(text, 'latin1')} ${text}`;
}

describe('SyslogDeframer', () => {
  it('splits newline framing, whatever the packet boundaries', () => {
    const stream = `${first}\n${second}\r\n${first}\n`;
    const expected = messages(first, second, first);
    expect(deframe(stream)).toEqual(expected);
    expect(deframe(stream, [1])).toEqual(expected);
    expect(deframe(stream, [3, 7, 50, 2])).toEqual(expected);
  });

  it('reads octet counting, messages with line breaks inside, split anywhere', () => {
    const withBreak = `${first}\nsecond line`;
    const stream = counted(first) + counted(withBreak) + counted(second);
    const expected = messages(first, withBreak, second);
    for (let split = 1; split < stream.length; split += 7) expect(deframe(stream, [split])).toEqual(expected);
    expect(deframe(stream, [1])).toEqual(expected);
  });

  it('mixes octet-counted and newline-framed frames on one connection', () => {
    expect(deframe(`${counted(first)}${second}\n${counted(second)}`, [5])).toEqual(messages(first, second, second));
  });

  it('ends frames at NUL as some senders do', () => {
    expect(deframe(`${first}\0${second}\0\0`, [4])).toEqual([...messages(first, second), { kind: 'message', text: '' }]);
  });

  it('reads a line that starts with a date as a line, not a count', () => {
    const line = '2024-01-02T03:04:05Z host sshd[1]: Accepted password for bob from 192.0.2.1 port 22 ssh2';
    expect(deframe(`${line}\n`, [2])).toEqual(messages(line));
  });

  it('falls back to newline framing when a count exceeds the maximum, and keeps the message', () => {
    const frames = deframe(`99999999 ${first}\n${second}\n`, [3], { maxMessageBytes: 1024 });
    expect(frames).toEqual([
      { kind: 'message', text: first, fallback: 'octet count 99999999 exceeds the maximum of 1024 bytes; read as a line' },
      ...messages(second),
    ]);
  });

  it('falls back to newline framing when the count is not followed by <PRI>', () => {
    const frames = deframe(`12 hello there\n${counted(first)}`);
    expect(frames).toEqual([{ kind: 'message', text: '12 hello there', fallback: 'octet count 12 not followed by <PRI>; read as a line' }, ...messages(first)]);
  });

  it('re-synchronises after a count that is too small', () => {
    const frames = deframe(`5 ${first}\n${counted(second)}`);
    expect(frames[0]).toEqual({ kind: 'message', text: first.slice(0, 5) });
    expect(frames[1]).toEqual({ kind: 'message', text: first.slice(5) });
    expect(frames[2]).toEqual(messages(second)[0]);
  });

  it('recovers the frames behind a count larger than what the stream delivered', () => {
    const frames = deframe(`500 <34>short\n${second}\n${counted(first)}`, [9]);
    expect(frames).toEqual([
      { kind: 'message', text: '<34>short', fallback: 'octet count promised more bytes than the stream delivered; read as a line' },
      ...messages(second, first),
    ]);
  });

  it('cuts off an oversized line with its length and carries on with the next', () => {
    const long = `<34>${'x'.repeat(300)}`;
    const expected = [{ kind: 'reject', text: 'message longer than 64 bytes (304 bytes)' }, ...messages('<34>ok')];
    expect(deframe(`${long}\n<34>ok\n`, [Number.MAX_SAFE_INTEGER], { maxMessageBytes: 64 })).toEqual(expected);
    expect(deframe(`${long}\n<34>ok\n`, [10], { maxMessageBytes: 64 })).toEqual(expected);
    expect(deframe(`${long}\n<34>ok\n`, [1], { maxMessageBytes: 64 })).toEqual(expected);
    expect(deframe(long, [10], { maxMessageBytes: 64 })).toEqual([expected[0]]);
  });

  it('skips a 1 MB line without buffering it', () => {
    const deframer = new SyslogDeframer({ maxMessageBytes: 65_536 });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    for (let index = 0; index < 16; index++) expect(deframer.push(chunk)).toEqual([]);
    const frames = seen([...deframer.push(Buffer.from(`\n${first}\n`)), ...deframer.end()]);
    expect(frames).toEqual([{ kind: 'reject', text: 'message longer than 65536 bytes (1048576 bytes)' }, ...messages(first)]);
  });

  it('in line mode (files) ends lines at LF only and reports every line, empty ones too', () => {
    expect(deframe('a\n\nb\0c\nlast', [2], { framing: 'lines' })).toEqual(messages('a', '', 'b\0c', 'last'));
    expect(deframe('12 <34>x\n', [2], { framing: 'lines' })).toEqual(messages('12 <34>x'));
  });

  it('never throws on seeded garbage and finds the good frames after it', () => {
    const random = createRandom(20260611);
    for (let round = 0; round < 50; round++) {
      const garbage = Buffer.alloc(random.integer(4000) + 1);
      for (let index = 0; index < garbage.length; index++) garbage[index] = random.integer(256);
      const stream = Buffer.concat([garbage, Buffer.from(`\n${first}\n${counted(second)}`, 'latin1')]);
      const sizes = Array.from({ length: 5 }, () => random.integer(300) + 1);
      const frames = deframe(stream, sizes, { maxMessageBytes: 1024 });
      // The garbage costs frames of its own; the last two are always the good messages.
      expect(frames.slice(-2)).toEqual(messages(first, second));
      for (const frame of frames) if (frame.kind === 'message') expect(frame.text.length).toBeLessThanOrEqual(1024);
    }
  });

  it('gives the same frames for any split of the same stream', () => {
    const random = createRandom(7);
    const parts = [counted(first), `${second}\n`, `99999999 ${first}\n`, `${'y'.repeat(200)}\n`, `3 abc\n`, counted(second), `${first}\0`];
    const stream = Array.from({ length: 40 }, () => random.pick(parts)).join('');
    const whole = deframe(stream, [Number.MAX_SAFE_INTEGER], { maxMessageBytes: 150 });
    for (let round = 0; round < 20; round++) {
      const sizes = Array.from({ length: 7 }, () => random.integer(64) + 1);
      expect(deframe(stream, sizes, { maxMessageBytes: 150 })).toEqual(whole);
    }
  });
});
