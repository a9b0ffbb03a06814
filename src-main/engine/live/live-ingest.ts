/**
 * The consumer of live sources: takes what the listeners queued and stores it in the case in small
 * transactions (every `flushMs`, or at once when `batchSize` messages wait), one source row per
 * listener. Scoring is not done here: the logins of each committed batch go to `onEvents` for the
 * detection side.
 */
import { createEnricher, type LocationSources } from '../enrich/enricher.js';
import { bundledLocationSources } from '../enrich/locations.js';
import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import type { WriteTurn } from '../store/write-turn.js';
import type { LiveInput } from './live-input.js';
import { LiveSourceWriter, type PreparedBatch } from './live-source-writer.js';
import type { LiveLogin } from './live-types.js';

/** How live messages are stored. */
export interface LiveIngestOptions {
  /** IANA zone for syslog timestamps without one (RFC 3164). Default UTC. */
  timeZone?: string;
  /** Year for timestamps without one (RFC 3164). Default: the current year. */
  year?: number;
  /** Location sources; default: the bundled offline IP database and gazetteer. */
  locations?: LocationSources;
  /** Longest wait before queued messages are stored. Default 100 ms. */
  flushMs?: number;
  /** Most messages per transaction; this many waiting triggers a store at once. Default 1,000. */
  batchSize?: number;
  /** Called after each committed batch with its logins (their event ids and arrival times) and its source id: the detection side scores them. */
  onEvents?: (logins: LiveLogin[], sourceId: number) => void;
  /** Called when a batch cannot be stored (it is kept and tried again) or `onEvents` throws. */
  onError?: (error: Error) => void;
  /** Taken for each batch when another thread of the process writes to the case too (see `WriteTurn`). */
  turn?: WriteTurn;
  /** Actor of the audit entries. Default 'system'. */
  actor?: string;
}

/** Counters of live ingest, per source or in total. */
export interface LiveIngestStats {
  /** Items the listeners read (messages and rejects). */
  received: number;
  /** Events stored. */
  stored: number;
  /** Items stored as rejects (by the listener or the parser). */
  rejected: number;
  /** Messages stored that are not logins. */
  ignored: number;
  /** Items lost for want of room (UDP with a full queue), as the listeners counted them. */
  dropped: number;
  /** Items waiting in the queues. */
  queueDepth: number;
}

/** One source being ingested. */
interface Ingested {
  input: LiveInput;
  writer: LiveSourceWriter;
  /** A batch that could not be stored, tried again (as prepared) before anything newer. */
  retry: PreparedBatch | null;
  droppedAudited: number;
  kernelDropsAudited: number;
  droppedAuditedAt: number;
  unsubscribe: () => void;
}

/** Losses are written to the audit trail at most this often per source (and always at the end). */
const dropAuditIntervalMs = 1000;
/** Longest a store round runs before it lets the listeners read again. */
const roundBudgetMs = 50;

/** Stores live sources' messages in a case until stopped. */
export class LiveIngest {
  private readonly sources: Ingested[] = [];
  private readonly enrich;
  private readonly timer: NodeJS.Timeout;
  private scheduled = false;
  private stopped = false;
  private readonly timeZone: string;
  private readonly year: number;
  private readonly assumptions: string[];
  private readonly store: (source: Ingested, batch: PreparedBatch) => LiveLogin[];

  constructor(
    private readonly db: CaseDatabase,
    private readonly options: LiveIngestOptions = {},
  ) {
    const locations = options.locations ?? bundledLocationSources();
    // Syslog logins name addresses: the IP database is read now (about 0.4 s) instead of in the first
    // batch, whose alerts it would hold up.
    locations.prepareAddresses?.();
    this.enrich = createEnricher(locations);
    this.timeZone = options.timeZone ?? 'UTC';
    this.year = options.year ?? new Date().getUTCFullYear();
    this.assumptions = [
      options.timeZone ? `time zone ${this.timeZone}` : `time zone ${this.timeZone} (default)`,
      options.year ? `year ${this.year}` : `year ${this.year} (default)`,
    ];
    // IMMEDIATE: the write lock is taken at the start, so a checkpoint or a writer on another connection
    // makes the batch wait (busy timeout) instead of failing it when it turns from reading to writing.
    this.store = db.transaction((source: Ingested, batch: PreparedBatch) => source.writer.write(batch)).immediate;
    this.timer = setInterval(() => this.flush(), options.flushMs ?? 100);
  }

  /** Start storing a source's messages under a new source row; returns its id. The ingest owns the source: `stop` closes it. */
  add(input: LiveInput): number {
    const writer = new LiveSourceWriter(this.db, input.name, { timeZone: this.timeZone, year: this.year, assumptions: this.assumptions, enrich: this.enrich });
    const batchSize = this.batchSize();
    const unsubscribe = input.queue.onItems((depth) => {
      if (depth >= batchSize) this.schedule();
    });
    this.sources.push({ input, writer, retry: null, droppedAudited: 0, kernelDropsAudited: 0, droppedAuditedAt: 0, unsubscribe });
    recordAudit(this.db, this.actor(), 'live.start', { sourceId: writer.sourceId, name: input.name });
    return writer.sourceId;
  }

  /** Stop one source: close it, store what it queued, mark it complete; false when there is no such source. */
  async remove(sourceId: number): Promise<boolean> {
    const index = this.sources.findIndex((source) => source.writer.sourceId === sourceId);
    if (index < 0) return false;
    const source = this.sources[index];
    await source.input.close();
    while (this.storeBatch(source));
    this.sources.splice(this.sources.indexOf(source), 1);
    this.finishSource(source);
    return true;
  }

  /** Counters in total and per source id. */
  stats(): LiveIngestStats & { sources: Record<number, LiveIngestStats> } {
    const total: LiveIngestStats = { received: 0, stored: 0, rejected: 0, ignored: 0, dropped: 0, queueDepth: 0 };
    const sources: Record<number, LiveIngestStats> = {};
    for (const source of this.sources) {
      const listener = source.input.stats();
      const one = {
        received: listener.received,
        stored: source.writer.totals.events,
        rejected: source.writer.totals.rejected,
        ignored: source.writer.totals.ignored,
        dropped: listener.dropped,
        queueDepth: listener.queueDepth + (source.retry?.count ?? 0),
      };
      sources[source.writer.sourceId] = one;
      for (const key of Object.keys(total) as (keyof LiveIngestStats)[]) total[key] += one[key];
    }
    return { ...total, sources };
  }

  /** Store everything queued now, in batches; stops early after a time budget and schedules the rest. */
  flush(budgetMs = roundBudgetMs): void {
    this.scheduled = false;
    const started = Date.now();
    for (const source of this.sources) {
      while (this.storeBatch(source)) {
        if (Date.now() - started > budgetMs) {
          this.schedule();
          return;
        }
      }
      this.auditDrops(source, false);
    }
  }

  /** Close the sources, store what they queued, and mark them complete. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all(this.sources.map((source) => source.input.close()));
    this.flush(Number.POSITIVE_INFINITY);
    for (const source of this.sources) this.finishSource(source);
  }

  /** Mark a closed source finished, with its losses and totals in the audit trail. */
  private finishSource(source: Ingested): void {
    source.unsubscribe();
    this.auditDrops(source, true);
    const stored = source.retry === null;
    source.writer.finish(stored ? 'complete' : 'failed');
    recordAudit(this.db, this.actor(), 'live.stop', {
      sourceId: source.writer.sourceId,
      name: source.input.name,
      listener: source.input.stats(),
      stored: source.writer.totals,
      unstored: source.retry?.count ?? 0,
    });
  }

  /** Store one batch of a source; false when there was nothing to store or the case refused it. */
  private storeBatch(source: Ingested): boolean {
    const batch = source.retry ?? this.prepareNext(source);
    if (!batch) return false;
    let logins: LiveLogin[];
    try {
      logins = this.options.turn ? this.options.turn.hold(() => this.store(source, batch)) : this.store(source, batch);
      source.retry = null;
    } catch (error) {
      // Keep the batch (the queue behind it fills and the listeners slow down or count drops).
      source.retry = batch;
      source.writer.rolledBack();
      this.options.onError?.(error as Error);
      return false;
    }
    // Handed over once committed: the detection side learns from a batch once, even when storing it needed a retry.
    if (logins.length > 0 && this.options.onEvents) {
      try {
        this.options.onEvents(logins, source.writer.sourceId);
      } catch (error) {
        // The detection side's failure does not undo the storing.
        this.options.onError?.(error as Error);
      }
    }
    return true;
  }

  /**
   * The source's next queued messages, parsed and enriched before the turn at writing is taken (the scorer
   * may store its scores meanwhile); null when none wait.
   */
  private prepareNext(source: Ingested): PreparedBatch | null {
    const items = source.input.queue.take(this.batchSize());
    return items.length === 0 ? null : source.writer.prepare(items);
  }

  /** Write new losses to the audit trail, so a case shows what it is missing. */
  private auditDrops(source: Ingested, final: boolean): void {
    const { dropped, kernelDrops } = source.input.stats();
    const kernel = kernelDrops ?? 0;
    if (dropped === source.droppedAudited && kernel === source.kernelDropsAudited) return;
    if (!final && Date.now() - source.droppedAuditedAt < dropAuditIntervalMs) return;
    // The kernel's drops (a UDP buffer that overflowed before the listener read it) are losses too.
    recordAudit(this.db, this.actor(), 'live.dropped', { sourceId: source.writer.sourceId, name: source.input.name, dropped, since: dropped - source.droppedAudited, kernelDrops });
    source.droppedAudited = dropped;
    source.kernelDropsAudited = kernel;
    source.droppedAuditedAt = Date.now();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      if (!this.stopped) this.flush();
    });
  }

  private batchSize(): number {
    return this.options.batchSize ?? 1000;
  }

  private actor(): string {
    return this.options.actor ?? 'system';
  }
}
