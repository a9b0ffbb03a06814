import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ApiError,
  settingsSchema,
  toErrorShape,
  type AppMode,
  type Capabilities,
  type CaseInfo,
  type DatasetSummary,
  type VigilApi,
  type VigilEvent,
} from '../../src-shared/api.js';
import type { ImportSummary } from '../../src-shared/import.js';
import { createAlertMethods } from './service/alerts.js';
import { createDetectionMethods } from './service/detection.js';
import { createLiveControl } from './service/live.js';
import { createResponseMethods } from './service/response.js';
import { createTrainingSession } from './service/training.js';
import type { CaseReadArguments, CaseReadName, CaseReads } from './workers/case-reads.js';
import { prepareEngineProcess } from './workers/engine-process.js';
import { CaseReader } from './workers/run-reads.js';
import { importInWorker } from './workers/run-import.js';
import { refreshStatisticsInWorker } from './workers/run-training.js';
import type { ImportRequestOptions } from './workers/protocol.js';
import type { CaseDatabase } from './store/database.js';
import { schemaVersion } from './store/database.js';
import { exportCaseCopy, type CaseCounts } from './store/queries/case.js';
import { getEvent, queryEvents } from './store/queries/events.js';
import { rejectPage, sourceExists, sourceList } from './store/queries/sources.js';
import { readSettings, writeSettings } from './store/queries/settings.js';
import { latestCompleteRunId } from './store/queries/model-runs.js';
import { listUsers, userProfile } from './store/queries/users.js';

/** What only the desktop app can do; app/ provides it, the server leaves it out. */
export interface DesktopHooks {
  openCase(path: string): Promise<CaseInfo>;
  newCase(path: string): Promise<CaseInfo>;
  chooseImportFiles(): Promise<string[]>;
}

/** How a service is set up for one open case. */
export interface ServiceOptions {
  db: CaseDatabase;
  /** The case file's path. */
  path: string;
  mode: AppMode;
  /** Receives pushed events (import and training progress, …) for the UI. */
  emit?: (event: VigilEvent) => void;
  desktop?: DesktopHooks;
  /** Who acts, for the audit trail ("desktop", "server"). */
  actor?: string;
}

/** The contract for one open case, plus releasing it. */
export interface CaseService extends VigilApi {
  /** Stop a running import or training and wait until it has stopped; the caller then closes the database. */
  dispose(): Promise<void>;
}

/** The facade implementing the contract over one open case (DESIGN.md: the one place the UI reaches the engine). */
export function createService(options: ServiceOptions): CaseService {
  const { db, path, mode } = options;
  const emit = options.emit ?? (() => {});
  const actor = options.actor ?? mode;
  // Imports and trainings run in the engine process: start it now, not when the first of them starts.
  prepareEngineProcess();
  // Aggregates over every event take seconds on large cases: keep them until the data changes.
  const cache = new Map<string, unknown>();
  const remember = <T>(key: string, compute: () => T): T => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key) as T;
  };
  const forget = (key: string): void => {
    cache.delete(key);
  };
  // The long reads run in the read worker; each is kept until the data changes, a failed one is forgotten.
  const reader = new CaseReader(path);
  const readOnce = <Name extends CaseReadName>(key: string, name: Name, ...rest: CaseReadArguments<Name>): Promise<ReturnType<CaseReads[Name]>> =>
    remember(key, () =>
      reader.read(name, ...rest).catch((error: unknown) => {
        forget(key);
        throw error;
      }),
    );
  // Counts change only when events arrive (an import, a live listener), not with every cached aggregate.
  let counts: CaseCounts | null = null;
  let runningImport: AbortController | null = null;
  let importDone: Promise<unknown> = Promise.resolve();

  const capabilities: Capabilities = {
    switchCase: options.desktop ? { available: true, reason: null } : { available: false, reason: serverFixedCase(path) },
    filePicker: options.desktop ? { available: true, reason: null } : { available: false, reason: 'In a browser, type a path on the machine that runs vigil serve.' },
    detection: { available: true, reason: null },
    live: { available: true, reason: null },
  };
  const desktopOnly = (): DesktopHooks => {
    if (!options.desktop) throw new ApiError('NotAvailable', serverFixedCase(path));
    return options.desktop;
  };

  const caseInfo = async (): Promise<CaseInfo> => ({
    path,
    name: basename(path),
    schemaVersion: schemaVersion(db),
    sizeBytes: caseSize(path),
    mode,
    counts: (counts ??= await reader.read('caseCounts')),
    capabilities,
  });

  const training = createTrainingSession({
    db,
    path,
    actor,
    emit,
    settings: () => readSettings(db),
    importing: () => runningImport !== null,
    changed: () => cache.clear(),
  });
  const live = createLiveControl({
    path,
    actor,
    emit,
    settings: () => readSettings(db),
    changed: () => {
      cache.clear();
      counts = null;
    },
  });
  const dataset = (): Promise<DatasetSummary> => readOnce('dataset', 'datasetSummary');

  const importFiles = (paths: string[], request: Parameters<VigilApi['importFiles']>[1]): Promise<ImportSummary[]> => {
    if (runningImport) return Promise.reject(new ApiError('Busy', 'An import is already running in this case; wait for it or cancel it.'));
    if (training.active()) return Promise.reject(new ApiError('Busy', 'A training is running in this case; import once it has finished.'));
    const controller = new AbortController();
    runningImport = controller;
    const done = runImport(paths, request, controller);
    importDone = done.catch(() => {});
    return done;
  };

  const runImport = async (paths: string[], request: Parameters<VigilApi['importFiles']>[1], controller: AbortController): Promise<ImportSummary[]> => {
    const importId = randomUUID();
    const summaries: ImportSummary[] = [];
    let completed = false;
    try {
      const settings = readSettings(db);
      for (const [fileIndex, file] of paths.entries()) {
        // In the engine process, with its own connection: the caller's thread (Electron main, the HTTP server) neither blocks nor stalls.
        const summary = await importInWorker(path, file, {
          separateProcess: true,
          format: request.format,
          // A zone set in Settings is the user's choice; otherwise the importer states its own default.
          timeZone: request.timeZone ?? (settings.importTimeZone === 'UTC' ? undefined : settings.importTimeZone),
          year: request.year,
          // The importer validates field names; the contract keeps the mapping a plain record.
          mapping: request.mapping as ImportRequestOptions['mapping'],
          actor,
          signal: controller.signal,
          onProgress: (progress) => emit({ type: 'importProgress', importId, fileIndex, fileCount: paths.length, progress }),
        });
        summaries.push(summary);
        emit({ type: 'importFileFinished', importId, fileIndex, fileCount: paths.length, summary });
      }
      emit({ type: 'importFinished', importId, summaries, error: null });
      completed = true;
      return summaries;
    } catch (error) {
      emit({ type: 'importFinished', importId, summaries, error: toErrorShape(error) });
      throw error instanceof ApiError ? error : new ApiError('ImportError', (error as Error).message);
    } finally {
      runningImport = null;
      cache.clear();
      // An interrupted import may have committed events too. Without fresh counts the next caseInfo counts itself.
      if (!completed || summaries.some((summary) => summary.eventsImported > 0)) counts = await refreshStatisticsInWorker(path).catch(() => null);
      emit({ type: 'caseChanged', info: await caseInfo() });
    }
  };

  return {
    caseInfo,
    // async, so "desktop only" is a rejected promise like every other failure, never a synchronous throw.
    openCase: async (file) => desktopOnly().openCase(file),
    newCase: async (file) => desktopOnly().newCase(file),
    chooseImportFiles: async () => desktopOnly().chooseImportFiles(),
    async exportCase(file) {
      // Writing files at a path a browser names would give every token holder write access to the server's disk.
      if (mode !== 'desktop') throw new ApiError('NotAvailable', 'Exporting writes a file on this machine, so only the desktop app offers it; on a server, copy the case file instead.');
      try {
        return { path: file, sizeBytes: exportCaseCopy(db, file) };
      } catch (error) {
        throw new ApiError('ValidationError', `cannot export to ${file}: ${(error as Error).message}`);
      }
    },

    importFiles,
    async cancelImport() {
      runningImport?.abort();
      return { cancelled: runningImport !== null };
    },
    listSources: async () => sourceList(db),
    async listRejects(sourceId, page) {
      if (!sourceExists(db, sourceId)) throw new ApiError('NotFound', `no source #${sourceId} in this case`);
      return rejectPage(db, sourceId, page);
    },

    overview: () => readOnce('overview', 'overview'),
    queryEvents: async (filter, page) => queryEvents(db, filter, page),
    async getEvent(id) {
      const detail = getEvent(db, id);
      if (!detail) throw new ApiError('NotFound', `no event #${id} in this case`);
      return detail;
    },
    listUsers: async (prefix, limit) => listUsers(db, prefix, limit),
    async userProfile(user) {
      const profile = userProfile(db, user);
      if (!profile) throw new ApiError('NotFound', `no events for user '${user}' in this case`);
      return profile;
    },
    async timeline(range, bucket) {
      const runId = latestCompleteRunId(db);
      const alerting = runId === null ? null : { runId, threshold: readSettings(db).challengeThreshold };
      return readOnce(`timeline:${JSON.stringify(range)}:${bucket}:${JSON.stringify(alerting)}`, 'timeline', range, bucket, alerting);
    },

    getSettings: async () => readSettings(db),
    async setSettings(patch) {
      const next = settingsSchema.parse({ ...readSettings(db), ...patch });
      if (next.blockThreshold <= next.challengeThreshold) {
        throw new ApiError('ValidationError', 'the block threshold must be higher than the challenge threshold');
      }
      for (const zone of [next.importTimeZone, next.alertPolicy.quietHours?.timeZone].filter((value) => value !== undefined)) {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
        } catch {
          throw new ApiError('ValidationError', `unknown time zone '${zone}' (use an IANA name such as UTC or Europe/Oslo)`);
        }
      }
      // A case travels as evidence: it never carries a mail password (the live worker reads VIGIL_SMTP_PASSWORD).
      if (next.alertChannels.email) delete next.alertChannels.email.password;
      writeSettings(db, next, actor);
      // Alerts and their series depend on the challenge threshold; live alerting on the policy and channels.
      cache.clear();
      live.reloadSettings();
      return next;
    },

    ...createDetectionMethods({ db, path, session: training, remember, forget, dataset }),
    ...createAlertMethods({ db, path, actor, remember, forget, reader }),
    ...createResponseMethods({
      db,
      actor,
      changed: () => {
        cache.clear();
        live.reloadSettings();
      },
    }),
    liveStatus: live.liveStatus,
    startLive: live.startLive,
    stopLive: live.stopLive,
    startDemo: live.startDemo,
    stopDemo: live.stopDemo,

    async dispose() {
      runningImport?.abort();
      await Promise.all([importDone, training.dispose(), live.dispose()]);
      await reader.close();
    },
  };
}

function serverFixedCase(path: string): string {
  return `vigil serve works on one case (${basename(path)}); restart it with --case to work on another.`;
}

/** Bytes the case takes on disk: in WAL mode recent writes sit in the -wal file until a checkpoint. */
function caseSize(path: string): number {
  return ['', '-wal'].reduce((total, suffix) => {
    try {
      return total + statSync(path + suffix).size;
    } catch {
      return total;
    }
  }, 0);
}
