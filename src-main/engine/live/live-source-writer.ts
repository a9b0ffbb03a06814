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
import { createLiveDictionaries, type LiveDictionaries } from './live-dictionaries.js';
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
  private readonly dictionaries: LiveDictionaries;
  private readonly store: (items: readonly LiveItem[]) => LiveStoredEvent[];

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
    const insertRawBlock = prepareRawBlockInsert(db);
    // Joins the batch's transaction (the live ingest's, one per batch).
    this.store = joiningTransaction(db, (items: readonly LiveItem[]) => {
      // Counted on a copy: a failed transaction leaves the totals (and the line numbers) as they were.
      const totals = { ...this.totals };
      const firstLine = totals.lines + 1;
      const stored: LiveStoredEvent[] = [];
      const raw: string[] = [];
      // Rejects are stored after the events, so the last row inserted is the batch's last event (ids below).
      const rejects: { line: number; reason: string; raw: string }[] = [];
      for (const item of items) {
        const line = ++totals.lines;
        if (item.kind === 'reject') {
          raw.push(item.raw);
          rejects.push({ line, reason: item.reason, raw: item.raw });
          continue;
        }
        raw.push(item.text);
        const outcome = this.parse(item.text, line);
        if (outcome.kind === 'reject') {
          rejects.push({ line, reason: outcome.reason, raw: item.text });
        } else if (outcome.kind === 'ignored') {
          totals.ignored++;
        } else {
          for (const event of outcome.events) {
            const enrichment = this.options.enrich(event);
            const provenance = { sourceId: this.sourceId, line, record: line };
            insertEvent(event, enrichment, provenance);
            stored.push(storedEvent(event, enrichment, provenance, item));
          }
        }
      }
      if (stored.length > 0) {
        // The rows went in in order under the batch's write lock: their ids are consecutive.
        const first = lastInsertId() - stored.length + 1;
        for (let index = 0; index < stored.length; index++) stored[index].id = first + index;
      }
      for (const reject of rejects) insertReject(this.sourceId, reject.line, reject.reason, reject.raw);
      totals.events += stored.length;
      totals.rejected += rejects.length;
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
    if (items.length === 0) return [];
    try {
      return this.store(items);
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
 * A stored event (its id is set once the batch is in), written out as one literal: spreading the event,
 * its enrichment and its provenance into a new object cost V8 several µs per event.
 */
function storedEvent(event: LoginEventInput, enrichment: Enrichment, provenance: Pick<LoginEvent, 'sourceId' | 'line' | 'record'>, item: { text: string; receivedAt: number }): LiveStoredEvent {
  return {
    id: 0,
    time: event.time,
    user: event.user,
    outcome: event.outcome,
    ip: event.ip,
    country: event.country,
    region: event.region,
    city: event.city,
    latitude: event.latitude,
    longitude: event.longitude,
    asn: event.asn,
    userAgent: event.userAgent,
    authMethod: event.authMethod,
    service: event.service,
    host: event.host,
    roundTripMs: event.roundTripMs,
    label: event.label,
    network: enrichment.network,
    browser: enrichment.browser,
    os: enrichment.os,
    deviceType: enrichment.deviceType,
    sourceId: provenance.sourceId,
    line: provenance.line,
    record: provenance.record,
    raw: item.text,
    receivedAt: item.receivedAt,
  };
}
