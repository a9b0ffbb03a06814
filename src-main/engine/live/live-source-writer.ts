/**
 * Stores the messages of one live source in the case: each message is a numbered "line" of the source,
 * parsed as syslog, enriched, stored as events or as a reject with its reason, and kept verbatim in the
 * source's raw blocks. A batch is prepared (parsed, enriched, compressed) outside any transaction, then
 * stored in one transaction with the source's counters.
 */
import type { LoginEvent, LoginEventInput } from '../../../src-shared/event.js';
import type { Enrichment } from '../enrich/enricher.js';
import { createParser } from '../ingest/formats/index.js';
import type { ParseOutcome, Parser } from '../ingest/parser.js';
import type { CaseDatabase } from '../store/database.js';
import { prepareEventInsert } from '../store/events.js';
import { joiningTransaction } from '../store/joining-transaction.js';
import { createLiveSource, prepareLastInsertId } from '../store/live-sources.js';
import { compressRawLines, prepareCompressedBlockInsert, type CompressedRawBlock } from '../store/raw-lines.js';
import { prepareRejectInsert } from '../store/rejects.js';
import { finishSource, recordSourceProgress } from '../store/sources.js';
import { createLiveDictionaries, type LiveDictionaries } from './live-dictionaries.js';
import type { LiveItem } from './live-message.js';
import type { LiveLogin } from './live-types.js';

/** What a writer has stored so far. */
export interface LiveWriterTotals {
  /** Items stored as lines of the source (messages and rejects). */
  lines: number;
  events: number;
  rejected: number;
  /** Valid syslog messages that are not logins. */
  ignored: number;
}

/** How a source's messages are read. */
export interface LiveWriterOptions {
  timeZone: string;
  year: number;
  /** What was assumed, for the source row ("time zone UTC (default)"). */
  assumptions: string[];
  enrich: (event: LoginEventInput) => Enrichment;
}

/**
 * A batch of messages parsed, enriched and compressed, ready to store: made before the write lock is
 * taken, so the other writer of the case (the live scorer) is not held up by this work.
 */
export interface PreparedBatch {
  /** Messages in the batch (each one a line of the source, stored or rejected). */
  count: number;
  events: { input: LoginEventInput; enrichment: Enrichment; provenance: Pick<LoginEvent, 'sourceId' | 'line' | 'record'>; login: LiveLogin }[];
  rejects: { line: number; reason: string; raw: string }[];
  ignored: number;
  block: CompressedRawBlock;
}

/** The writer of one live source's batches. */
export class LiveSourceWriter {
  readonly sourceId: number;
  readonly totals: LiveWriterTotals = { lines: 0, events: 0, rejected: 0, ignored: 0 };
  private readonly parser: Parser;
  private readonly dictionaries: LiveDictionaries;
  private readonly store: (batch: PreparedBatch) => LiveLogin[];

  constructor(
    private readonly db: CaseDatabase,
    name: string,
    private readonly options: LiveWriterOptions,
  ) {
    this.sourceId = createLiveSource(db, { name, format: 'syslog', timeZone: options.timeZone, year: options.year, assumptions: options.assumptions });
    this.parser = createParser('syslog', { timeZone: options.timeZone, year: options.year, mapping: {} });
    this.dictionaries = createLiveDictionaries(db);
    const insertEvent = prepareEventInsert(db, this.dictionaries);
    const lastInsertId = prepareLastInsertId(db);
    const insertReject = prepareRejectInsert(db);
    const insertBlock = prepareCompressedBlockInsert(db);
    // Joins the batch's transaction (the live ingest's, one per batch).
    this.store = joiningTransaction(db, (batch: PreparedBatch) => {
      for (const { input, enrichment, provenance } of batch.events) insertEvent(input, enrichment, provenance);
      // Rejects are stored after the events, so the last row inserted is the batch's last event.
      if (batch.events.length > 0) {
        // The rows went in in order under the batch's write lock: their ids are consecutive.
        const first = lastInsertId() - batch.events.length + 1;
        batch.events.forEach((event, index) => (event.login.id = first + index));
      }
      for (const reject of batch.rejects) insertReject(this.sourceId, reject.line, reject.reason, reject.raw);
      insertBlock(this.sourceId, batch.block);
      // Counted last: a failed insert leaves the totals (and the line numbers of the next batch) as they were.
      const totals = {
        lines: this.totals.lines + batch.count,
        events: this.totals.events + batch.events.length,
        rejected: this.totals.rejected + batch.rejects.length,
        ignored: this.totals.ignored + batch.ignored,
      };
      recordSourceProgress(db, this.sourceId, {
        resumeLine: totals.lines,
        resumeRecord: totals.lines,
        linesRead: totals.lines,
        eventsImported: totals.events,
        rejected: totals.rejected,
        ignored: totals.ignored,
      });
      Object.assign(this.totals, totals);
      return batch.events.map((event) => event.login);
    });
  }

  /**
   * Parse, enrich and compress the next messages of the source, numbered after the lines stored so far.
   * Store the batch (`write`) before preparing the next one; a batch that failed to store is written
   * again as it is (its messages went through the parser's session state once).
   */
  prepare(items: readonly LiveItem[]): PreparedBatch {
    const firstLine = this.totals.lines + 1;
    const events: PreparedBatch['events'] = [];
    const rejects: PreparedBatch['rejects'] = [];
    const raw: string[] = [];
    let ignored = 0;
    items.forEach((item, index) => {
      const line = firstLine + index;
      if (item.kind === 'reject') {
        raw.push(item.raw);
        rejects.push({ line, reason: item.reason, raw: item.raw });
        return;
      }
      raw.push(item.text);
      const outcome = this.parse(item.text, line);
      if (outcome.kind === 'reject') rejects.push({ line, reason: outcome.reason, raw: item.text });
      else if (outcome.kind === 'ignored') ignored++;
      else {
        for (const input of outcome.events) {
          const enrichment = this.options.enrich(input);
          events.push({ input, enrichment, provenance: { sourceId: this.sourceId, line, record: line }, login: liveLogin(input, enrichment, item.receivedAt) });
        }
      }
    });
    return { count: items.length, events, rejects, ignored, block: compressRawLines(firstLine, raw) };
  }

  /** Store a prepared batch in one transaction; returns its logins with their event ids. Throws when the case cannot be written. */
  write(batch: PreparedBatch): LiveLogin[] {
    if (batch.count === 0) return [];
    try {
      return this.store(batch);
    } catch (error) {
      this.rolledBack();
      throw error;
    }
  }

  /** The transaction that held the last `write` was undone: forget the client and place ids it may have added. */
  rolledBack(): void {
    this.dictionaries.forget();
  }

  /** Mark the source finished, with what the parser assumed. */
  finish(status: 'complete' | 'failed'): void {
    finishSource(this.db, this.sourceId, status, [...this.options.assumptions, ...this.parser.assumptions()], 0);
  }

  private parse(text: string, line: number): ParseOutcome {
    try {
      return this.parser.parse(text, line);
    } catch (error) {
      return { kind: 'reject', reason: (error as Error).message || 'unparseable message' };
    }
  }
}

/**
 * The login an event is for the scoring thread (its id is set once the batch is in), written out as one
 * literal: spreading the event and its enrichment into a new object cost V8 several µs per event.
 */
function liveLogin(event: LoginEventInput, enrichment: Enrichment, receivedAt: number): LiveLogin {
  return {
    id: 0,
    time: event.time,
    user: event.user,
    success: event.outcome === 'success',
    ip: event.ip,
    network: enrichment.network,
    asn: event.asn,
    country: event.country,
    region: event.region,
    city: event.city,
    latitude: event.latitude,
    longitude: event.longitude,
    browser: enrichment.browser,
    os: enrichment.os,
    deviceType: enrichment.deviceType,
    receivedAt,
  };
}
