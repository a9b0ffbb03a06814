import type { Migration } from './migration.js';

/** Sources, events, rejects and the audit trail: the case file's evidence. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,               -- 'file' or 'live'
      name TEXT NOT NULL,               -- file path or listener address
      sha256 TEXT,                      -- of the file's bytes as stored on disk (compressed if gzip)
      size INTEGER,
      format TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      year INTEGER,
      assumptions TEXT NOT NULL DEFAULT '[]',  -- JSON array of what the parser assumed
      status TEXT NOT NULL,             -- 'importing', 'complete', 'failed', 'listening'
      resume_line INTEGER NOT NULL DEFAULT 0,  -- last line committed: an interrupted import resumes after it
      resume_record INTEGER NOT NULL DEFAULT 0,
      lines_read INTEGER NOT NULL DEFAULT 0,
      events_imported INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      ignored INTEGER NOT NULL DEFAULT 0,
      started_at INTEGER NOT NULL,
      finished_at INTEGER
    );
    CREATE INDEX sources_sha256 ON sources(sha256);

    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      ts INTEGER NOT NULL,              -- UTC ms
      user TEXT NOT NULL,
      outcome INTEGER NOT NULL,         -- 1 success, 0 failure
      ip TEXT,
      network TEXT,                     -- IPv4 /24, IPv6 /64
      country TEXT,
      region TEXT,
      city TEXT,
      latitude REAL,
      longitude REAL,
      asn INTEGER,
      user_agent TEXT,
      browser TEXT,
      os TEXT,
      device_type TEXT,
      auth_method TEXT,
      service TEXT,
      host TEXT,
      rtt_ms REAL,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      line INTEGER NOT NULL,
      record INTEGER NOT NULL,
      label TEXT                        -- ground truth found in the data; never a model input
    );

    -- Every line of an imported file, deflate-compressed in blocks of consecutive lines: the raw evidence
    -- of each event (source_id + line) at a sixth of its size, without a second copy in every event row.
    CREATE TABLE raw_blocks (
      source_id INTEGER NOT NULL REFERENCES sources(id),
      first_line INTEGER NOT NULL,
      line_count INTEGER NOT NULL,
      text BLOB NOT NULL,              -- raw deflate of the lines joined by newlines
      PRIMARY KEY (source_id, first_line)
    ) WITHOUT ROWID;

    CREATE TABLE rejects (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      line INTEGER NOT NULL,
      reason TEXT NOT NULL,
      raw TEXT NOT NULL                 -- bounded: at most the first 1,024 characters
    );
    CREATE INDEX rejects_source ON rejects(source_id, line);

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    );
  `,
};
