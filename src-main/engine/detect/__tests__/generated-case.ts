import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../generate/generate.js';
import { defaultOptions, type GenerateOptions } from '../../generate/options.js';
import { importFile } from '../../ingest/importer.js';
import { openCase, type CaseDatabase } from '../../store/database.js';

/** A generated RBA file (with its labels beside it) imported into a fresh case, in a temporary directory. */
export interface GeneratedCase {
  db: CaseDatabase;
  directory: string;
  eventsPath: string;
  labelsPath: string;
  /** Close the case and delete the directory. */
  dispose(): void;
}

/** Generate `options` (RBA layout), import it into a new case, and return both. */
export async function generatedCase(options: Partial<GenerateOptions>): Promise<GeneratedCase> {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-detect-'));
  const eventsPath = join(directory, 'events.csv');
  const labelsPath = `${eventsPath}.labels.csv`;
  await generate({ ...defaultOptions, ...options, format: 'rba' }, { eventsPath, labelsPath });
  const db = openCase(join(directory, 'case.vigil'));
  await importFile(db, eventsPath, { format: 'rba', actor: 'test' });
  return {
    db,
    directory,
    eventsPath,
    labelsPath,
    dispose() {
      db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
