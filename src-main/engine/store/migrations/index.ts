import type { Migration } from './migration.js';
import { migration0001 } from './0001-initial.js';
import { migration0002 } from './0002-event-indexes.js';
import { migration0003 } from './0003-detection.js';
import { migration0004 } from './0004-alerts.js';
import { migration0005 } from './0005-lockouts.js';
import { migration0006 } from './0006-allowlist.js';
import { migration0007 } from './0007-compact-events.js';
import { migration0008 } from './0008-run-models.js';
import { migration0009 } from './0009-partial-risk-index.js';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];
