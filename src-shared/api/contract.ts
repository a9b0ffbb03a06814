import type { ImportSummary } from '../import.js';
import type { Alert, AlertChange, AlertFilter, AlertPage, Incident } from './alerts.js';
import type { CaseInfo, ImportRequest, RejectPage, SourceInfo } from './case.js';
import type { PageRequest, TimeRange } from './common.js';
import type { ModelRun, TrainingRequest, TrainingStatus } from './detection.js';
import type { EventDetail, EventFilter, EventPage } from './events.js';
import type { ListenerConfig, LiveStatus } from './live.js';
import type { Overview } from './overview.js';
import type { Settings, SettingsPatch } from './settings.js';
import type { Timeline, TimelineBucket } from './timeline.js';
import type { UserProfile, UserSummary } from './users.js';

/**
 * The one contract between the UI and the engine, for one open case. Every method returns a Promise
 * and takes JSON-serialisable arguments, validated at the boundary by `argumentSchemas`.
 * Failures reject with an ApiError (`ValidationError`, `NotFound`, `NotAvailable`, `Busy`, …).
 */
export interface VigilApi {
  /** The open case: path, schema version, counts, and what this build and mode can do. */
  caseInfo(): Promise<CaseInfo>;
  /** Open another case file (desktop only; NotAvailable on the server, whose case is fixed). */
  openCase(path: string): Promise<CaseInfo>;
  /** Create and open a new case file (desktop only). */
  newCase(path: string): Promise<CaseInfo>;
  /** Write a compacted copy of the case to a new file (fails if the file exists; desktop only). */
  exportCase(path: string): Promise<{ path: string; sizeBytes: number }>;
  /** Ask the user for log files with a native dialog (desktop only); [] when cancelled. */
  chooseImportFiles(): Promise<string[]>;

  /** Import files one after another; progress arrives as importProgress events. Busy while another import runs. */
  importFiles(paths: string[], request: ImportRequest): Promise<ImportSummary[]>;
  /** Stop the running import after its current line; what was committed stays and a re-import resumes. */
  cancelImport(): Promise<{ cancelled: boolean }>;
  listSources(): Promise<SourceInfo[]>;
  listRejects(sourceId: number, page: PageRequest): Promise<RejectPage>;

  overview(): Promise<Overview>;
  /** Events matching a filter, keyset-paged on (time, id). */
  queryEvents(filter: EventFilter, page: PageRequest): Promise<EventPage>;
  getEvent(id: number): Promise<EventDetail>;
  /** Users whose name starts with `prefix` (case-sensitive), most active first. */
  listUsers(prefix: string, limit: number): Promise<UserSummary[]>;
  userProfile(user: string): Promise<UserProfile>;
  /** Logins and failures per bucket over a range (null: the whole case). */
  timeline(range: TimeRange | null, bucket: TimelineBucket): Promise<Timeline>;

  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;

  /** Dataset summary, trained models and a run under way. */
  trainingStatus(): Promise<TrainingStatus>;
  /** Train and score; NotAvailable until this build includes detection (see caseInfo().capabilities). */
  startTraining(request: TrainingRequest): Promise<ModelRun>;
  listModelRuns(): Promise<ModelRun[]>;
  listAlerts(filter: AlertFilter, page: PageRequest): Promise<AlertPage>;
  listIncidents(filter: AlertFilter): Promise<Incident[]>;
  updateAlert(id: number, change: AlertChange): Promise<Alert>;

  liveStatus(): Promise<LiveStatus>;
  startLive(config: ListenerConfig): Promise<LiveStatus>;
  stopLive(listenerId: number): Promise<LiveStatus>;
}

/** The name of a contract method. */
export type ApiMethodName = keyof VigilApi;

/** The arguments of a contract method. */
export type ApiArguments<Name extends ApiMethodName> = Parameters<VigilApi[Name]>;

/** The resolved result of a contract method. */
export type ApiResult<Name extends ApiMethodName> = Awaited<ReturnType<VigilApi[Name]>>;
