import type { FormatName } from '../../../src-shared/event.js';
import { createEnricher, type LocationSources } from '../enrich/enricher.js';
import { openContent, type FileIdentity } from './file-source.js';
import { ImportError } from './import-error.js';
import { createParser } from './formats/index.js';
import { readLines } from './line-reader.js';
import type { CompressedRawBlock } from '../store/raw-lines.js';
import { RawLineCollector } from './raw-line-collector.js';
import { PackedEventWriter, type PackedEvents } from './packed-events.js';
import type { ParseOptions, ParseOutcome, Parser } from './parser.js';

/** What the parsing side of an import needs to know: plain data, so it can cross to a worker thread. */
export interface BatchPlan {
  path: string;
  gzip: boolean;
  format: FormatName;
  parse: ParseOptions;
  /** Lines up to this one were committed by an earlier run: read, not stored again. */
  resumeLine: number;
  /** Lines per batch (each batch also becomes one raw block). */
  linesPerBatch: number;
}

/** A line stored as rejected. */
export interface RejectedLine {
  line: number;
  reason: string;
  raw: string;
}

/** The raw evidence of a batch's new lines: their UTF-8 text joined by newlines, compressed by the writer. */
export interface RawText {
  firstLine: number;
  lineCount: number;
  text: Uint8Array;
}

/**
 * Consecutive lines of the file, parsed and enriched: everything the writer needs to store
 * them in one go. Batches end at line boundaries, so after any batch the import has a clean resume point.
 */
export interface ImportBatch {
  events: PackedEvents;
  rejects: RejectedLine[];
  /** The raw evidence of the batch's new lines (null when all of them were before the resume point). */
  raw: RawText | null;
  /** The same already compressed, instead of `raw`, when a parse thread compressed it. */
  compressed?: CompressedRawBlock;
  /** Last line of the batch and the record count up to it. */
  lastLine: number;
  record: number;
  /** New lines counted in this batch (past the resume point, not blank, not the header). */
  linesRead: number;
  ignored: number;
  /** Bytes read from the file so far. */
  bytesRead: number;
}

/** The parsing side of an import: its batches, then what the parser assumed. */
export interface BatchProducer {
  batches(): AsyncGenerator<ImportBatch>;
  assumptions(): string[];
}

/** A thread for the parsing side, started before its plan is known; stop it if it is not run. */
export interface ParseThread {
  /** Produce the plan's batches. */
  run(plan: BatchPlan): BatchProducer;
  /** Hash a file instead (its identity), so neither the parsing nor the writing thread spends its time on that. */
  identify(path: string): Promise<FileIdentity>;
  stop(): void;
}

/**
 * Read, parse and enrich a file batch by batch. This is the CPU side of an import,
 * free of the case database so it can run in its own thread while another thread writes. Of `locations`
 * only the address lookup is used: places named without coordinates are located by the writer.
 */
export function createBatchProducer(plan: BatchPlan, locations: LocationSources): BatchProducer {
  const parser = createParser(plan.format, plan.parse);
  return {
    batches: () => produce(plan, parser, locations),
    assumptions: () => parser.assumptions(),
  };
}

async function* produce(plan: BatchPlan, parser: Parser, locations: LocationSources): AsyncGenerator<ImportBatch> {
  // Place names are located by the writer, once per distinct place (see locateNamedPlaces).
  const enrich = createEnricher({ locateIp: locations.locateIp });
  const writer = new PackedEventWriter(plan.linesPerBatch);
  const recordsByLine = parser.hasHeader || plan.format === 'jsonl';
  let bytesRead = 0;
  let record = 0;
  let lastLine = plan.resumeLine;
  let headerSeen = !parser.hasHeader;
  const rawLines = new RawLineCollector();
  let rawFirstLine = plan.resumeLine + 1;
  let rejects: RejectedLine[] = [];
  let linesRead = 0;
  let ignored = 0;

  const take = (): ImportBatch => {
    const lineCount = rawLines.lineCount;
    const raw = lineCount > 0 ? { firstLine: rawFirstLine, lineCount, text: rawLines.take() } : null;
    const batch: ImportBatch = { events: writer.take(), rejects, raw, lastLine, record, linesRead, ignored, bytesRead };
    rawFirstLine += lineCount;
    rejects = [];
    linesRead = 0;
    ignored = 0;
    return batch;
  };

  const content = openContent(plan.path, plan.gzip, (count) => (bytesRead += count));
  try {
    for await (const batch of readLines(content)) {
      let problem = 0;
      for (let index = 0; index < batch.lines.length; index++) {
        const line = batch.firstLineNumber + index;
        const text = batch.lines[index];
        const isProblem = problem < batch.problems.length && batch.problems[problem].index === index;
        if (line > plan.resumeLine) {
          rawLines.add(batch, index);
          lastLine = line;
        }
        if (!isProblem && text.length === 0) continue;
        if (!headerSeen && !isProblem) {
          headerSeen = true;
          parseHeader(parser, text);
          continue;
        }
        record++;
        if (line <= plan.resumeLine) {
          if (isProblem) problem++;
          continue;
        }
        linesRead++;
        if (isProblem) {
          const found = batch.problems[problem++];
          rejects.push({ line, reason: found.reason, raw: found.raw });
          continue;
        }
        const outcome = parseLine(parser, text, line);
        if (outcome.kind === 'reject') {
          rejects.push({ line, reason: outcome.reason, raw: text });
        } else if (outcome.kind === 'ignored') {
          ignored++;
        } else {
          const recordNumber = recordsByLine ? record : line;
          for (const event of outcome.events) writer.push(event, enrich(event), line, recordNumber);
        }
        if (rawLines.lineCount >= plan.linesPerBatch) yield take();
      }
      // Lines that skip the check above (blank, rejected by the reader, before the resume point) end a batch here.
      if (rawLines.lineCount >= plan.linesPerBatch) yield take();
    }
    yield take();
  } finally {
    content.destroy();
  }
}

function parseHeader(parser: Parser, text: string): void {
  try {
    parser.header?.(text);
  } catch (error) {
    throw new ImportError(`unusable header: ${(error as Error).message}`);
  }
}

function parseLine(parser: Parser, text: string, line: number): ParseOutcome {
  try {
    return parser.parse(text, line);
  } catch (error) {
    return { kind: 'reject', reason: (error as Error).message || 'unparseable line' };
  }
}
