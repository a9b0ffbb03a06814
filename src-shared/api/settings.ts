import { z } from 'zod';

/** The case's settings, validated on every change. */
export const settingsSchema = z.object({
  /** How the UI shows times. Stored times are always UTC. */
  displayTimeZone: z.enum(['UTC', 'local']),
  /** Default zone for imported timestamps that carry none. */
  importTimeZone: z.string().min(1).max(64),
  /** Risk at or above which a login is challenged (0–100). */
  challengeThreshold: z.number().int().min(0).max(100),
  /** Risk at or above which a login is blocked (0–100); must exceed the challenge threshold. */
  blockThreshold: z.number().int().min(0).max(100),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings of a new case. */
export const defaultSettings: Settings = {
  displayTimeZone: 'UTC',
  importTimeZone: 'UTC',
  challengeThreshold: 40,
  blockThreshold: 75,
};
