/**
 * The parsing half of storing live messages: a source's syslog texts in order → login events with their
 * enrichment (network, client, place), a reject reason, or nothing (a message that is not a login). It
 * touches no case, so it runs in a thread of its own (LiveParseThread) while the live worker stores and
 * scores, or in the live worker itself.
 */
import type { LoginEventInput } from '../../../src-shared/event.js';
import type { Enrichment } from '../enrich/enricher.js';
import { createParser } from '../ingest/formats/index.js';
import type { ParseOutcome, Parser } from '../ingest/parser.js';
import type { LiveItem } from './live-message.js';

/** A parsed event with what enrichment added (the place fields are filled in the event itself). */
export interface EnrichedEvent {
  event: LoginEventInput;
  enrichment: Enrichment;
}

/** What parsing made of one message. */
export type ParsedMessage = { kind: 'events'; events: EnrichedEvent[] } | { kind: 'ignored' } | { kind: 'reject'; reason: string };

/** A parsed batch: per item its outcome (null for an item that was a reject already), and what the parser assumed so far. */
export interface ParsedBatch {
  outcomes: (ParsedMessage | null)[];
  assumptions: string[];
}

/** Timestamps without a zone or a year are read in these. */
export interface LiveParseOptions {
  timeZone: string;
  year: number;
}

/** The parser of one live source (it keeps state from message to message, such as the year's roll-over). */
export class LiveParser {
  private readonly parser: Parser;

  constructor(
    options: LiveParseOptions,
    private readonly enrich: (event: LoginEventInput) => Enrichment,
  ) {
    this.parser = createParser('syslog', { timeZone: options.timeZone, year: options.year, mapping: {} });
  }

  /** Parse a batch's texts (`batchTexts`), the first being line `firstLine` of the source. */
  parse(texts: readonly (string | null)[], firstLine: number): ParsedBatch {
    const outcomes = texts.map((text, index) => (text === null ? null : this.parseOne(text, firstLine + index)));
    return { outcomes, assumptions: this.parser.assumptions() };
  }

  private parseOne(text: string, line: number): ParsedMessage {
    let outcome: ParseOutcome;
    try {
      outcome = this.parser.parse(text, line);
    } catch (error) {
      return { kind: 'reject', reason: (error as Error).message || 'unparseable message' };
    }
    if (outcome.kind !== 'events') return outcome;
    return { kind: 'events', events: outcome.events.map((event) => ({ event, enrichment: this.enrich(event) })) };
  }
}

/** The texts of a batch as the parser takes them: null for items that are rejects already. */
export function batchTexts(items: readonly LiveItem[]): (string | null)[] {
  return items.map((item) => (item.kind === 'message' ? item.text : null));
}
