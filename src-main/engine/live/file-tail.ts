/**
 * Follow a growing log file, as `tail -F` does: read what is appended, split it into lines with the
 * same limits as the syslog listener, and survive rotation (a new file under the same name: the old
 * one is read to its end first) and truncation (copytruncate: start again at the beginning). The file
 * is its own buffer, so a full queue simply stops the reading: nothing is lost.
 */
import { watch, type FSWatcher } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLiveQueue, LiveFeeder, type LiveInput, type LiveInputStats, type LiveQueueOptions } from './live-input.js';
import { frameToItem, printable, type LiveItem } from './live-message.js';
import { defaultMaxMessageBytes, SyslogDeframer, type Frame } from './syslog-framing.js';

/** What to follow and how. */
export interface FileTailOptions extends LiveQueueOptions {
  path: string;
  /** Start at the file's current end (new lines only, the default) or at its start. */
  from?: 'end' | 'start';
  /** How often to look for changes when the file system sends no notice. Default 500 ms. */
  pollMs?: number;
  /** Longest line in bytes; longer ones are rejected with their length. Default 64 KiB. */
  maxMessageBytes?: number;
  /** Clock for `receivedAt`. Default Date.now. */
  now?: () => number;
}

/** The file being read. */
interface OpenFile {
  handle: FileHandle;
  device: number;
  inode: number;
  position: number;
  /** Lines of this file read so far. */
  line: number;
  deframer: SyslogDeframer;
}

const readSize = 64 * 1024;

/** A running tail of one file. */
export class FileTail implements LiveInput {
  readonly name: string;
  readonly queue;
  /** Times the file was replaced by a new one, and times it shrank. */
  rotations = 0;
  truncations = 0;
  private readonly path: string;
  private readonly feeder: LiveFeeder;
  private readonly maxBytes: number;
  private file: OpenFile | null = null;
  private startAtEnd: boolean;
  private backlog: LiveItem[] = [];
  private pumping: Promise<void> | null = null;
  private again = false;
  private waitingForSpace = false;
  private closing = false;
  private readonly timer: NodeJS.Timeout;
  private watcher: FSWatcher | null = null;

  /** Start following `options.path` (which need not exist yet). */
  constructor(private readonly options: FileTailOptions) {
    this.path = resolve(options.path);
    this.name = pathToFileURL(this.path).href;
    this.feeder = new LiveFeeder(createLiveQueue(options));
    this.queue = this.feeder.queue;
    this.maxBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
    this.startAtEnd = (options.from ?? 'end') === 'end';
    this.timer = setInterval(() => this.poke(), options.pollMs ?? 500);
    try {
      // Watch the directory, not the file: a rotated file's watch would go quiet.
      this.watcher = watch(dirname(this.path), (_event, name) => {
        if (name === null || name === basename(this.path)) this.poke();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      this.watcher = null; // polling alone still works
    }
    this.poke();
  }

  /** Counters, with the current file's line number. */
  stats(): LiveInputStats & { line: number; rotations: number; truncations: number } {
    return { ...this.feeder.stats(), line: this.file?.line ?? 0, rotations: this.rotations, truncations: this.truncations };
  }

  /** Resolves once the reading under way is over (lines waiting for room in the queue stay waiting). */
  async settle(): Promise<void> {
    this.poke();
    while (this.pumping) await this.pumping;
  }

  /** Stop following; lines not yet queued are counted as dropped. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    this.watcher?.close();
    while (this.pumping) await this.pumping;
    this.feeder.drop(this.backlog.length);
    this.backlog = [];
    await this.file?.handle.close();
    this.file = null;
  }

  /** Read now (again, if a read is under way). */
  private poke(): void {
    if (this.closing) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => (this.pumping = null));
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.step();
      } catch {
        // An unreadable file (permissions, I/O error) is counted and opened afresh on the next round.
        this.feeder.counts.errors++;
        await this.file?.handle.close().catch(() => undefined);
        this.file = null;
      }
    } while (this.again && !this.closing);
  }

  /** One round: open, read to the end, then look for rotation and truncation. */
  private async step(): Promise<void> {
    if (!this.file && !(await this.openFile())) return;
    const file = this.file as OpenFile;
    if (!(await this.readToEnd(file))) return;
    const current = await stat(this.path).catch(() => null);
    const size = (await file.handle.stat()).size;
    if (size < file.position) {
      this.truncations++;
      this.emit(file, file.deframer.end());
      file.position = 0;
      file.line = 0;
      this.again = true;
    } else if (current && (current.ino !== file.inode || current.dev !== file.device)) {
      // Rotated: finish the old file (a last write may have landed after the read above), then switch.
      if (!(await this.readToEnd(file))) return;
      this.emit(file, file.deframer.end());
      await file.handle.close();
      this.file = null;
      this.rotations++;
      this.again = true;
    }
  }

  private async openFile(): Promise<boolean> {
    const handle = await open(this.path, 'r').catch(() => null);
    const atEnd = this.startAtEnd;
    // Only the file present at the start is joined at its end; any later one is new and read whole.
    this.startAtEnd = false;
    if (!handle) return false;
    const info = await handle.stat();
    this.file = { handle, device: info.dev, inode: info.ino, position: atEnd ? info.size : 0, line: 0, deframer: new SyslogDeframer({ maxMessageBytes: this.maxBytes, framing: 'lines' }) };
    return true;
  }

  /** Read to the file's end; false when the queue is full (reading resumes when it has room). */
  private async readToEnd(file: OpenFile): Promise<boolean> {
    while (!this.closing) {
      if (!this.drain()) return false;
      // A fresh buffer each time: the deframer keeps chunks until their line completes.
      const buffer = Buffer.allocUnsafe(readSize);
      const { bytesRead } = await file.handle.read(buffer, 0, readSize, file.position);
      if (bytesRead === 0) return true;
      file.position += bytesRead;
      this.emit(file, file.deframer.push(buffer.subarray(0, bytesRead)));
    }
    return false;
  }

  /** Turn frames (one per line) into items waiting for the queue. */
  private emit(file: OpenFile, frames: Frame[]): void {
    const origin = { receivedAt: (this.options.now ?? Date.now)(), remote: this.path, transport: 'file' as const };
    for (const frame of frames) {
      file.line++;
      const at = { ...origin, fileLine: file.line };
      const item: LiveItem | null =
        frame.kind === 'reject' ? { kind: 'reject', reason: frame.reason, raw: printable(frame.head), ...at } : frameToItem(frame.bytes, this.maxBytes, at);
      if (!item) continue;
      this.feeder.receive();
      this.backlog.push(item);
    }
  }

  /** Move waiting items into the queue; false (and a wake-up when room appears) when it is full. */
  private drain(): boolean {
    let index = 0;
    while (index < this.backlog.length && this.feeder.offer(this.backlog[index])) index++;
    this.backlog.splice(0, index);
    if (this.backlog.length === 0) return true;
    if (!this.waitingForSpace) {
      this.waitingForSpace = true;
      void this.queue.waitForSpace().then(() => {
        this.waitingForSpace = false;
        this.poke();
      });
    }
    return false;
  }
}
