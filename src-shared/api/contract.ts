import type { ImportSummary } from '../import.js';
import type { ExportFormat, ExportedFile, Incident, IncidentChange, IncidentDetail, IncidentFilter, IncidentList } from './alerts.js';
import type { AllowListEntry, AllowListInput } from './allowlist.js';
import type { CaseInfo, ImportRequest, RejectPage, SourceInfo } from './case.js';
import type { PageRequest, TimeRange } from './common.js';
import type { ModelRun, TrainingOptions, TrainingStatus } from './detection.js';
import type { RunEvaluation } from './evaluation.js';
import type { EventDetail, EventFilter, EventPage } from './events.js';
import type { DemoRequest, ListenerConfig, LiveStatus } from './live.js';
import type { Lockout } from './lockouts.js';
import type { Overview, RiskOverview } from './overview.js';
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

  /** Import files one after another; progress arrives as importProgress events. Busy while another import or a training runs. */
  importFiles(paths: string[], request: ImportRequest): Promise<ImportSummary[]>;
  /** Stop the running import after its current line; what was committed stays and a re-import resumes. */
  cancelImport(): Promise<{ cancelled: boolean }>;
  listSources(): Promise<SourceInfo[]>;
  listRejects(sourceId: number, page: PageRequest): Promise<RejectPage>;

  overview(): Promise<Overview>;
  /** Alerts of the newest complete run by level and status, top users and addresses; null before any run. */
  riskOverview(): Promise<RiskOverview | null>;
  /** Events matching a filter, keyset-paged on (time, id), with the newest complete run's risk. */
  queryEvents(filter: EventFilter, page: PageRequest): Promise<EventPage>;
  /** One event with its score: every component and every reason. */
  getEvent(id: number): Promise<EventDetail>;
  /** Users whose name starts with `prefix` (case-sensitive), most active first. */
  listUsers(prefix: string, limit: number): Promise<UserSummary[]>;
  userProfile(user: string): Promise<UserProfile>;
  /** Logins, failures and alerts per bucket over a range (null: the whole case). */
  timeline(range: TimeRange | null, bucket: TimelineBucket): Promise<Timeline>;

  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;

  /** Dataset summary, runs, the run under way and the default models. */
  trainingStatus(): Promise<TrainingStatus>;
  /**
   * Train on every event and score them all (a new run) in a worker thread; progress arrives as
   * trainingProgress events, the end as trainingFinished. Busy while another training or an import runs.
   */
  trainModels(options: TrainingOptions): Promise<ModelRun>;
  /** Stop the training under way; its run is recorded as failed. */
  cancelTraining(): Promise<{ cancelled: boolean }>;
  /** Every run, newest first. */
  listModelRuns(): Promise<ModelRun[]>;
  /** A complete run against the labels in the data: AUC, AP, recall at 1% FPR, per type, curves, distribution. */
  runEvaluation(runId: number): Promise<RunEvaluation>;

  /** Incidents of the newest complete run (alerts grouped), newest first. */
  listIncidents(filter: IncidentFilter): Promise<IncidentList>;
  getIncident(id: number): Promise<IncidentDetail>;
  /** Set an incident's status, with an optional note kept in its history. */
  updateIncident(id: number, change: IncidentChange): Promise<Incident>;
  /** The matching incidents as a CSV table, a JSON document (with alerts and notes) or an HTML report. */
  exportIncidents(format: ExportFormat, filter: IncidentFilter): Promise<ExportedFile>;

  /** Users, addresses or blocks, ASNs and countries whose logins never alert (their events and scores stay). */
  listAllowList(): Promise<AllowListEntry[]>;
  /** Add an entry (its value checked and normalised); alerts and incidents are recomputed without what it covers. */
  addAllowListEntry(entry: AllowListInput): Promise<AllowListEntry>;
  removeAllowListEntry(id: number): Promise<AllowListEntry[]>;

  /** Account locks, those in force first, then the most recent (at most 200). */
  listLockouts(): Promise<Lockout[]>;
  /** Lift every lock in force on a user (audited); the next login is judged normally. */
  liftLockout(user: string): Promise<Lockout[]>;

  /** Listeners with their counters, the scoring run, alerts and the demo; pushed as liveStatus events about once a second. */
  liveStatus(): Promise<LiveStatus>;
  /** Start a syslog listener or a file tail; live events are stored, scored and alerted on in a worker. */
  startLive(config: ListenerConfig): Promise<LiveStatus>;
  /** Stop a listener after storing and scoring what it queued. */
  stopLive(listenerId: number): Promise<LiveStatus>;
  /** Play the trainer demo (normal traffic plus attacks) into one of this case's syslog listeners. */
  startDemo(request: DemoRequest): Promise<LiveStatus>;
  stopDemo(): Promise<LiveStatus>;
}

/** The name of a contract method. */
export type ApiMethodName = keyof VigilApi;

/** The arguments of a contract method. */
export type ApiArguments<Name extends ApiMethodName> = Parameters<VigilApi[Name]>;

/** The resolved result of a contract method. */
export type ApiResult<Name extends ApiMethodName> = Awaited<ReturnType<VigilApi[Name]>>;
