import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { FormatName } from '../../../src-shared/event.js';
import type { ImportProgress, ImportSummary } from '../../../src-shared/import.js';
import type { LocationSources } from '../enrich/enricher.js';
import { bundledLocationSources } from '../enrich/locations.js';
import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import { countEvents, createEventIndexes, dropEventIndexes, prepareEventRowBulkInsert } from '../store/events.js';
import { prepareEventDictionaries } from '../store/event-dictionaries.js';
import { compressRawTextInBackground, prepareCompressedBlockInsert, type CompressedRawBlock } from '../store/raw-lines.js';
import { prepareRejectInsert } from '../store/rejects.js';
import { createFileSource, finishSource, findSourceBySha256, recordSourceProgress, type SourceRow } from '../store/sources.js';
import { detectFormat } from './detect-format.js';
import { fileIdentity, isGzip, sampleLines, type FileIdentity } from './file-source.js';
import { createBatchProducer, type BatchPlan, type BatchProducer, type ImportBatch, type ParseThread } from './import-batches.js';
import { ImportError } from './import-error.js';
import { loadSiblingLabels } from './labels.js';
import { locateNamedPlaces } from './named-places.js';
import { createPackedEventReader } from './packed-events.js';
import type { MappableField } from './parser.js';

/** How to read a file; everything is optional and stated in the summary when defaulted. */
export interface ImportOptions {
  format?: FormatName | 'auto';
  /** IANA zone for timestamps without one. Default UTC. */
  timeZone?: string;
  /** Year for timestamps without one. Default: the current year. */
  year?: number;
  mapping?: Partial<Record<MappableField, string>>;
  /** Location sources for enrichment; default: the bundled offline IP database and gazetteer. */
  locations?: LocationSources;
  onProgress?: (progress: ImportProgress) => void;
  /** Least time between two progress reports; default 250 ms (0 reports every batch). */
  progressIntervalMs?: number;
  /** Aborting stops after the current line; what was committed stays and a re-run resumes. */
  signal?: AbortSignal;
  /** Lines per transaction; also how much an interruption can lose (it is re-read on resume). */
  linesPerCommit?: number;
  actor?: string;
  /** Into a scratch case (see `OpenCaseOptions`): a bulk load leaves out the indexes it would build last. */
  scratch?: boolean;
  /**
   * Run the parsing side of a large file in another thread (the import worker passes its starter);
   * without it, or with custom `locations` (functions cannot cross threads), parsing runs in this
   * thread between writes.
   */
  startParseThread?: () => ParseThread;
}

/** Typical bytes per log line, to estimate a file's events from its size. */
const averageLineBytes = 200;
/** Below this many lines the index work is too small to be worth deferring. */
const bulkMinimumLines = 100_000;
/** Below this size a second thread costs more to start than it saves. */
const parallelMinimumBytes = 4 << 20;
/** Lines per transaction unless the caller says otherwise. */
const defaultLinesPerCommit = 100_000;
/** Lines per batch handed from parsing to writing, and per raw block. */
const linesPerBatch = 2048;
/** Raw blocks being compressed while their batches' rows are written. */
const blocksInFlight = 2;

export { ImportError };

/**
 * Import one log file into a case: streamed with constant memory, committed in batches with the
 * resume point, so an interrupted import continues where it stopped and the same file twice adds nothing.
 */
export async function importFile(db: CaseDatabase, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const threads = new ParseThreads(options);
  try {
    // A large new file starts parsing in one thread and hashing in another while this one prepares (most imports are new).
    const speculation = await threads.speculate(path, options);
    return await importWith(db, path, options, started, threads, speculation);
  } finally {
    threads.stopAll();
  }
}

/** The parse threads of one import: at most one parses; one more may hash the file, and any other was started for a plan that did not hold. */
class ParseThreads {
  private started: ParseThread[] = [];

  constructor(private readonly options: ImportOptions) {}

  /** A parse thread, when the caller can start one and the file is large enough to gain from it. */
  start(size: number): ParseThread | null {
    const start = this.options.startParseThread;
    if (!start || this.options.locations || size < parallelMinimumBytes) return null;
    const thread = start();
    this.started.push(thread);
    return thread;
  }

  /** The producer of a first import of `path` (from line 1), already running; null when that cannot be planned yet. */
  async speculate(path: string, options: ImportOptions): Promise<Speculation | null> {
    try {
      const fullPath = resolve(path);
      const size = (await stat(fullPath)).size;
      const thread = this.start(size);
      if (!thread) return null;
      const gzip = await isGzip(fullPath);
      const plan = planOf(fullPath, gzip, await chooseFormat(fullPath, gzip, options.format), options, 0);
      checkTimeZone(plan.parse.timeZone);
      // Hashed in a thread of its own: this thread prepares the gazetteer meanwhile, and the parsing thread parses.
      const hasher = this.start(size);
      const identity = hasher?.identify(fullPath);
      identity?.catch(() => undefined);
      return { plan, producer: thread.run(plan), identity };
    } catch {
      // The import itself reports what is wrong, in its own order.
      return null;
    }
  }

  stopAll(): void {
    for (const thread of this.started) thread.stop();
  }
}

/** A producer started before the file's hash said whether it is new, and that hash in the making. */
interface Speculation {
  plan: BatchPlan;
  producer: BatchProducer;
  identity?: Promise<FileIdentity>;
}

function planOf(path: string, gzip: boolean, format: FormatName, options: ImportOptions, resumeLine: number): BatchPlan {
  return {
    path,
    gzip,
    format,
    parse: { timeZone: options.timeZone ?? 'UTC', year: options.year ?? new Date().getUTCFullYear(), mapping: options.mapping ?? {} },
    resumeLine,
    linesPerBatch: Math.min(options.linesPerCommit ?? defaultLinesPerCommit, linesPerBatch),
  };
}

async function importWith(
  db: CaseDatabase,
  path: string,
  options: ImportOptions,
  started: number,
  threads: ParseThreads,
  speculation: Speculation | null,
): Promise<ImportSummary> {
  const fullPath = resolve(path);
  const locations = options.locations ?? bundledLocationSources();
  // RBA rows name places without coordinates: the gazetteer they need is built here while the parse thread starts.
  if (speculation?.plan.format === 'rba') locations.prepareNames?.();
  // Ground-truth labels beside the file are read while it is hashed; they go into the event rows here.
  const labelsLoading = settled(
    loadSiblingLabels(fullPath).catch((error: Error) => {
      throw new ImportError(`cannot read the labels beside ${path}: ${error.message}`);
    }),
  );
  const identity = await identify(fullPath, path, speculation);
  const previous = findSourceBySha256(db, identity.sha256);
  if (previous?.status === 'complete') return alreadyImported(previous, fullPath, started);
  const labels = await labelsLoading;

  const format = await chooseFormat(fullPath, identity.gzip, options.format);
  const timeZone = options.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const year = options.year ?? new Date().getUTCFullYear();
  const assumptions = [
    options.timeZone ? `time zone ${timeZone}` : `time zone ${timeZone} (default; set it with --tz)`,
    ...(['authlog', 'syslog'].includes(format) ? [options.year ? `year ${year}` : `year ${year} (default; set it with --year)`] : []),
    ...(labels ? [`ground-truth labels from ${basename(labels.path)}`] : []),
  ];
  const resumed = previous !== undefined;
  const sourceId = previous?.id ?? createFileSource(db, { name: fullPath, sha256: identity.sha256, size: identity.size, format, timeZone, year, assumptions });
  const resumeLine = previous?.resume_line ?? 0;
  const duplicates = previous?.events_imported ?? 0;
  recordAudit(db, options.actor ?? 'user', resumed ? 'import.resume' : 'import.start', { sourceId, path: fullPath, format, sha256: identity.sha256 });

  const insertEvents = prepareEventRowBulkInsert(db);
  const dictionaries = prepareEventDictionaries(db);
  const readEvents = createPackedEventReader(sourceId, dictionaries.clientId, locateNamedPlaces(dictionaries.placeId, locations.locateName), labels);
  const insertReject = prepareRejectInsert(db);
  const insertRawBlock = prepareCompressedBlockInsert(db);
  const linesPerCommit = options.linesPerCommit ?? defaultLinesPerCommit;
  const plan = planOf(fullPath, identity.gzip, format, options, resumeLine);
  // A large file is parsed in a second thread when the caller can start one (the CLI and app import worker).
  const producer =
    speculation && JSON.stringify(speculation.plan) === JSON.stringify(plan)
      ? speculation.producer
      : (threads.start(identity.size)?.run(plan) ?? createBatchProducer(plan, locations));
  const rejectedByReason: Record<string, number> = {};
  const totals = { linesRead: 0, eventsImported: 0, rejected: 0, ignored: 0 };
  const stored = { linesRead: previous?.lines_read ?? 0, rejected: previous?.rejected ?? 0, ignored: previous?.ignored ?? 0 };
  let bytesRead = 0;
  let record = 0;
  let lastLine = resumeLine;
  let linesInTransaction = 0;
  let lastProgress = 0;

  // Raw blocks are compressed on the thread pool while this thread goes on writing; each is stored
  // in the transaction of its batch, a few behind it (bounded memory), all of them before a commit.
  const compressing: Promise<CompressedRawBlock>[] = [];
  const storeCompressed = async (keep: number): Promise<void> => {
    while (compressing.length > keep) insertRawBlock(sourceId, await (compressing.shift() as Promise<CompressedRawBlock>));
  };
  const store = (batch: ImportBatch): void => {
    readEvents(batch.events, insertEvents.add);
    insertEvents.flush();
    for (const rejected of batch.rejects) {
      insertReject(sourceId, rejected.line, rejected.reason, rejected.raw);
      const key = reasonKey(rejected.reason);
      rejectedByReason[key] = (rejectedByReason[key] ?? 0) + 1;
    }
    if (batch.compressed) compressing.push(Promise.resolve(batch.compressed));
    else if (batch.raw) compressing.push(settled(compressRawTextInBackground(batch.raw.firstLine, batch.raw.lineCount, batch.raw.text)));
    totals.eventsImported += batch.events.count;
    totals.rejected += batch.rejects.length;
    totals.linesRead += batch.linesRead;
    totals.ignored += batch.ignored;
    linesInTransaction += batch.linesRead;
    lastLine = batch.lastLine;
    record = batch.record;
    bytesRead = batch.bytesRead;
  };
  const commit = async (): Promise<void> => {
    await storeCompressed(0);
    recordSourceProgress(db, sourceId, {
      resumeLine: lastLine,
      resumeRecord: record,
      linesRead: stored.linesRead + totals.linesRead,
      eventsImported: duplicates + totals.eventsImported,
      rejected: stored.rejected + totals.rejected,
      ignored: stored.ignored + totals.ignored,
    });
    db.exec('COMMIT');
    linesInTransaction = 0;
  };
  const report = (): void => {
    options.onProgress?.({ path: fullPath, bytesRead, bytesTotal: identity.size, linesRead: totals.linesRead, eventsImported: totals.eventsImported, rejected: totals.rejected, elapsedMs: Date.now() - started });
  };

  // A file that is large against the case is loaded without secondary indexes, built once at the end
  // (openCase rebuilds them if the process dies before that).
  const bulk = identity.size / averageLineBytes > Math.max(bulkMinimumLines, countEvents(db));
  if (bulk) dropEventIndexes(db);
  const rollbackJournal = bulk && switchToRollbackJournal(db);
  db.exec('BEGIN');
  try {
    for await (const batch of producer.batches()) {
      store(batch);
      await storeCompressed(blocksInFlight);
      if (linesInTransaction >= linesPerCommit) {
        await commit();
        db.exec('BEGIN');
      }
      if (Date.now() - lastProgress >= (options.progressIntervalMs ?? 250)) {
        lastProgress = Date.now();
        report();
      }
      if (options.signal?.aborted) throw new ImportError(`import of ${path} stopped; run it again to resume after line ${lastLine}`);
    }
    await commit();
  } catch (error) {
    // Keep every committed batch and the resume point; only the open batch is undone.
    if (db.inTransaction) {
      if (options.signal?.aborted) await commit();
      else db.exec('ROLLBACK');
    }
    if (bulk && !options.scratch) createEventIndexes(db);
    if (rollbackJournal) db.pragma('journal_mode = WAL');
    recordAudit(db, options.actor ?? 'user', 'import.interrupted', { sourceId, path: fullPath, reason: (error as Error).message });
    throw error;
  }
  // Built in small sort runs (index-build.ts), without the sorter's helper threads (SQLite's default): with small runs
  // they saved nothing on 1M rows (1.1-1.3 s either way), nor did reading the table through a memory map.
  if (bulk && !options.scratch) createEventIndexes(db);
  if (rollbackJournal) db.pragma('journal_mode = WAL');
  const allAssumptions = [...assumptions, ...producer.assumptions()];
  finishSource(db, sourceId, 'complete', allAssumptions, duplicates);
  report();
  const summary: ImportSummary = {
    sourceId,
    path: fullPath,
    format,
    sha256: identity.sha256,
    ...totals,
    duplicates,
    rejectedByReason,
    timeZone,
    year: ['authlog', 'syslog'].includes(format) ? year : null,
    assumptions: allAssumptions,
    alreadyImported: false,
    resumed,
    elapsedMs: Date.now() - started,
  };
  recordAudit(db, options.actor ?? 'user', 'import.finish', summary);
  return summary;
}

/**
 * With the file to itself, a bulk load writes each new page once through a rollback journal instead of
 * twice through the WAL. When another connection has the case open (the app's UI, `vigil serve`) SQLite
 * refuses the switch as busy: the import then stays in WAL mode, without waiting for the busy timeout.
 */
function switchToRollbackJournal(db: CaseDatabase): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** The file's identity: hashed by the speculation's hashing thread when there is one, else here. */
async function identify(fullPath: string, path: string, speculation: Speculation | null): Promise<FileIdentity> {
  const hashed = await speculation?.identity?.catch(() => null);
  if (hashed) return hashed;
  return fileIdentity(fullPath).catch((error: Error) => {
    throw new ImportError(`cannot read ${path}: ${error.message}`);
  });
}

async function chooseFormat(path: string, gzip: boolean, requested: FormatName | 'auto' | undefined): Promise<FormatName> {
  if (requested && requested !== 'auto') return requested;
  const detected = detectFormat(await sampleLines(path, gzip));
  if (!detected) throw new ImportError(`cannot determine the format of ${path}; name it with --format (rba, csv, jsonl, authlog, syslog, journal, cloud)`);
  return detected;
}

function checkTimeZone(timeZone: string): void {
  // The first time zone check loads ICU's zone data (~0.2 s), which UTC does not need.
  if (timeZone === 'UTC') return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ImportError(`unknown time zone '${timeZone}' (use an IANA name such as UTC or Europe/Oslo)`);
  }
}

/** The same promise, marked as handled: a block dropped with a rolled-back batch must not fail the process. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Group reasons that differ only in the quoted value or the numbers they cite. */
function reasonKey(reason: string): string {
  return reason.replace(/'[^']*'/g, "'…'").replace(/\(\d+ bytes\)/, '').trim();
}

function alreadyImported(source: SourceRow, path: string, started: number): ImportSummary {
  return {
    sourceId: source.id,
    path,
    format: source.format,
    sha256: source.sha256 ?? '',
    linesRead: 0,
    eventsImported: 0,
    duplicates: source.events_imported,
    rejected: 0,
    rejectedByReason: {},
    ignored: 0,
    timeZone: source.time_zone,
    year: source.year,
    assumptions: JSON.parse(source.assumptions) as string[],
    alreadyImported: true,
    resumed: false,
    elapsedMs: Date.now() - started,
  };
}
