import type { Migration } from './migration.js';

/**
 * The allow-list: users, addresses or CIDR blocks, ASNs and countries whose logins must not alert (a
 * scanner, the office VPN, a service account). Events and scores stay as they are; only alerts are silenced.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'allowlist',
  sql: `
    CREATE TABLE allowlist (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('user', 'ip', 'asn', 'country')),
      value TEXT NOT NULL,                -- user name, address or CIDR block, ASN number, ISO country code
      note TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,        -- UTC ms
      created_by TEXT NOT NULL,
      UNIQUE (kind, value)
    );
  `,
};
