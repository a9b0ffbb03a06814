import { z } from 'zod';

/** Risk levels an alert policy can name, lowest first (the same as detection's). */
const alertLevels = ['low', 'medium', 'high', 'critical'] as const;

/** "HH:MM", 24-hour clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour clock)');

/**
 * Which live-scored logins raise an alert, and when people are told. A login alerts when its risk is at or
 * above the challenge threshold and its level at or above `minimumLevel`, and (when listed) its user is
 * one of `users` and one of its reasons one of `rules`. Alerts of the same user or address within
 * `incidentWindowMinutes` join one incident; channels notify once per incident and again when its level
 * rises. During quiet hours alerts are recorded but nobody is notified.
 */
export const alertPolicySchema = z.object({
  minimumLevel: z.enum(alertLevels),
  /** Only alerts with one of these rules among their reasons (e.g. brute_force); empty: any rule. */
  rules: z.array(z.string().min(1).max(64)).max(100),
  /** Only alerts for these users; empty: any user. */
  users: z.array(z.string().min(1).max(256)).max(1000),
  /** A local time range (it may cross midnight) in an IANA zone during which no notification is sent. */
  quietHours: z.object({ from: clockTime, to: clockTime, timeZone: z.string().min(1).max(64) }).nullable(),
  incidentWindowMinutes: z.number().int().min(1).max(24 * 60),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;

/** Where live alerts are sent besides the desktop. The password is stored in the case: keep the case private. */
export const alertChannelsSchema = z.object({
  /** A desktop notification per notified alert (Electron only). */
  desktop: z.boolean(),
  email: z
    .object({
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      /** TLS from the first byte (usually port 465); otherwise STARTTLS when offered. */
      secure: z.boolean(),
      from: z.string().min(3).max(320),
      to: z.array(z.string().min(3).max(320)).min(1).max(50),
      username: z.string().max(320).optional(),
      password: z.string().max(1024).optional(),
    })
    .nullable(),
  /** Webhooks: `json` posts the alert's fields with a text, `slack` posts Slack's `{text}`. */
  webhooks: z.array(z.object({ url: z.string().url().max(2048), style: z.enum(['json', 'slack']) })).max(20),
});
export type AlertChannels = z.infer<typeof alertChannelsSchema>;

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
  /** Which live alerts are raised and notified. */
  alertPolicy: alertPolicySchema,
  /** Where live alerts are sent. */
  alertChannels: alertChannelsSchema,
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
  alertPolicy: { minimumLevel: 'medium', rules: [], users: [], quietHours: null, incidentWindowMinutes: 30 },
  alertChannels: { desktop: true, email: null, webhooks: [] },
};
