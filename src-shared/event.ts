/**
 * The normalised login event: what every importer produces and every detector reads.
 * Pure types only: this file is shared by engine, renderer and tests.
 */

/** Whether the authentication attempt succeeded. */
export type Outcome = 'success' | 'failure';

/** A login event as a parser produces it, before it is stored. Absent facts are null, never guessed. */
export interface LoginEventInput {
  /** Event time, UTC milliseconds since the epoch. */
  time: number;
  user: string;
  outcome: Outcome;
  ip: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  asn: number | null;
  userAgent: string | null;
  /** Authentication method: password, publickey, keyboard-interactive, sudo, su, ... */
  authMethod: string | null;
  /** Service or program that logged the attempt: sshd, sudo, su, web, ... */
  service: string | null;
  /** Host that logged the event (syslog hostname) or the application name. */
  host: string | null;
  /** Round-trip time in milliseconds when the log carries it (RBA dataset). */
  roundTripMs: number | null;
  /**
   * Ground truth found in the data (RBA `Is Attack IP` / `Is Account Takeover`, generator labels):
   * 'normal' or an attack type. Kept for evaluation only, never a model input.
   */
  label: string | null;
  /** Browser, OS and device type when the log states them (RBA); otherwise derived from the user agent. */
  browser?: string | null;
  os?: string | null;
  deviceType?: string | null;
}

/** A stored event: the input plus enrichment and provenance. */
export interface LoginEvent extends LoginEventInput {
  id: number;
  /** IPv4 /24 or IPv6 /64 network of `ip`, e.g. "203.0.113.0/24". */
  network: string | null;
  browser: string | null;
  os: string | null;
  /** desktop, mobile, tablet, bot, ... */
  deviceType: string | null;
  sourceId: number;
  /** 1-based line number in the source file. */
  line: number;
  /** 1-based data record number (CSV data row without header, JSON element/line; line number for line formats). */
  record: number;
  raw: string;
}

/** Names of the input formats Vigil reads. */
export const formatNames = ['rba', 'csv', 'jsonl', 'authlog', 'syslog', 'journal', 'cloud'] as const;
export type FormatName = (typeof formatNames)[number];

/**
 * A login with the facts every log names and nothing else (the others null), for a parser to fill in
 * by assignment. Built as one literal: spreading a template into a new object (`{ ...template, time }`)
 * cost ~6 µs per event in V8, more than parsing the line.
 */
export function newEventInput(time: number, user: string, outcome: Outcome): LoginEventInput {
  return {
    time,
    user,
    outcome,
    ip: null,
    country: null,
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    asn: null,
    userAgent: null,
    authMethod: null,
    service: null,
    host: null,
    roundTripMs: null,
    label: null,
  };
}
