import type { ImportProgress, ImportSummary } from '../import.js';
import type { CaseInfo } from './case.js';
import type { ApiErrorShape } from './errors.js';
import type { LiveStatus, RaisedAlert } from './live.js';
import type { ModelRun, TrainingProgress } from './detection.js';

/** Events the engine pushes to the UI (IPC in Electron, WebSocket in browser mode). */
export type VigilEvent =
  | { type: 'importProgress'; importId: string; fileIndex: number; fileCount: number; progress: ImportProgress }
  | { type: 'importFileFinished'; importId: string; fileIndex: number; fileCount: number; summary: ImportSummary }
  | { type: 'importFinished'; importId: string; summaries: ImportSummary[]; error: ApiErrorShape | null }
  | { type: 'caseChanged'; info: CaseInfo }
  | { type: 'trainingProgress'; progress: TrainingProgress }
  | { type: 'trainingFinished'; run: ModelRun | null; error: ApiErrorShape | null }
  | { type: 'alertRaised'; alert: RaisedAlert }
  | { type: 'liveStatus'; status: LiveStatus }
  /** The desktop asks the UI to show a place (a clicked notification opens its incident), as a `#/view?params` hash. */
  | { type: 'navigate'; href: string };

/** The names of the pushed events. */
export type VigilEventType = VigilEvent['type'];

/** A subscriber to pushed events. */
export type VigilEventListener = (event: VigilEvent) => void;
