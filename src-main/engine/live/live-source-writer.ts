/**
 * Stores the messages of one live source in the case: each message is a numbered "line" of the source,
 * parsed as syslog, enriched, stored as events or as a reject with its reason, and kept verbatim in the
 * source's raw blocks, all in one transaction per batch with the source's counters.
 */
import type { LoginEvent, LoginEventInput } from '../../../src-shared/event.js';
import type { Enrichment } from '../enrich/enricher.js';
import { createParser } from '../ingest/formats/index.js';
import type { ParseOutcome, Parser } from '../ingest/parser.js';
import type { CaseDatabase } from '../store/database.js';
import { prepareEventInsert } from '../store/events.js';
import { joiningTransaction } from '../store/joining-transaction.js';
import { createLiveSource, prepareLastInsertId } from '../store/live-sources.js';
import { prepareRawBlockInsert } from '../store/raw-lines.js';
import { prepareRejectInsert } from '../store/rejects.js';
import { finishSource, recordSourceProgress } from '../store/sources.js';
import type { LiveItem } from './live-message.js';

/** A stored event with the time its message arrived (UTC ms, the listener's clock): alert latency starts there. */
export type LiveStoredEvent = LoginEvent & { receivedAt: number };

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

/** The writer of one live source's batches. */
export class LiveSourceWriter {
  readonly sourceId: number;
  readonly totals: LiveWriterTotals = { lines: 0, events: 0, rejected: 0, ignored: 0 };
  private readonly parser: Parser;
  private readonly store: (items: readonly LiveItem[]) => LiveStoredEvent[];

  constructor(
    private readonly db: CaseDatabase,
    name: string,
    private readonly options: LiveWriterOptions,
  ) {
    this.sourceId = createLiveSource(db, { name, format: 'syslog', timeZone: options.timeZone, year: options.year, assumptions: options.assumptions });
    this.parser = createParser('syslog', { timeZone: options.timeZone, year: options.year, mapping: {} });
    const insertEvent = prepareEventInsert(db);
    const lastInsertId = prepareLastInsertId(db);
    const insertReject = prepareRejectInsert(db);
    const insertRawBlock = prepareRawBlockInsert(db);
    // Joins the batch's transaction (the live ingest stores and scores a batch in one).
    this.store = joiningTransaction(db, (items: readonly LiveItem[]) => {
      // Counted on a copy: a failed transaction leaves the totals (and the line numbers) as they were.
      const totals = { ...this.totals };
      const firstLine = totals.lines + 1;
      const stored: LiveStoredEvent[] = [];
      const raw: string[] = [];
      for (const item of items) {
        const line = ++totals.lines;
        if (item.kind === 'reject') {
          raw.push(item.raw);
          insertReject(this.sourceId, line, item.reason, item.raw);
          totals.rejected++;
          continue;
        }
        raw.push(item.text);
        const outcome = this.parse(item.text, line);
        if (outcome.kind === 'reject') {
          insertReject(this.sourceId, line, outcome.reason, item.text);
          totals.rejected++;
        } else if (outcome.kind === 'ignored') {
          totals.ignored++;
        } else {
          for (const event of outcome.events) {
            const enrichment = this.options.enrich(event);
            const provenance = { sourceId: this.sourceId, line, record: line };
            insertEvent(event, enrichment, provenance);
            stored.push({ ...event, ...enrichment, ...provenance, id: lastInsertId(), raw: item.text, receivedAt: item.receivedAt });
            totals.events++;
          }
        }
      }
      insertRawBlock(this.sourceId, firstLine, raw);
      recordSourceProgress(db, this.sourceId, {
        resumeLine: totals.lines,
        resumeRecord: totals.lines,
        linesRead: totals.lines,
        eventsImported: totals.events,
        rejected: totals.rejected,
        ignored: totals.ignored,
      });
      Object.assign(this.totals, totals);
      return stored;
    });
  }

  /** Store a batch in one transaction; returns its events with their ids. Throws when the case cannot be written. */
  write(items: readonly LiveItem[]): LiveStoredEvent[] {
    return items.length === 0 ? [] : this.store(items);
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
