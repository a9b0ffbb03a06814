import { defaultSettings, settingsSchema, type Settings } from '../../../../src-shared/api.js';
import { recordAudit } from '../audit.js';
import type { CaseDatabase } from '../database.js';

/** The audit action that records a settings change; its detail holds the complete new settings. */
const settingsAction = 'settings.change';

/**
 * The case's settings: the newest recorded change, or the defaults. Settings live in the audit trail
 * (every change is audited anyway), so no schema change is needed until they outgrow it.
 */
export function readSettings(db: CaseDatabase): Settings {
  const row = db.prepare(`SELECT detail FROM audit WHERE action = ? ORDER BY id DESC LIMIT 1`).get(settingsAction) as
    | { detail: string }
    | undefined;
  if (!row) return { ...defaultSettings };
  const parsed = settingsSchema.partial().safeParse((JSON.parse(row.detail) as { settings?: unknown }).settings);
  // A field this version does not know (or a damaged entry) falls back to its default.
  return { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
}

/** Record new settings, with who changed them. */
export function writeSettings(db: CaseDatabase, settings: Settings, actor: string): void {
  recordAudit(db, actor, settingsAction, { settings });
}
