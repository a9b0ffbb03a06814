import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VigilEvent } from '../../../src-shared/api.js';
import { generate } from '../generate/generate.js';
import { defaultOptions } from '../generate/options.js';
import { createService, type CaseService } from '../service.js';
import { openCase, type CaseDatabase } from '../store/database.js';

/** A service over a new case holding a generated, labelled RBA file imported through the service itself. */
export interface DetectionCase {
  db: CaseDatabase;
  service: CaseService;
  events: VigilEvent[];
  path: string;
  /** Stop the service, close the case and delete its directory. */
  dispose(): Promise<void>;
}

/**
 * `vigil generate --format rba --users 40 --days 14 --seed 3`, imported into a fresh case served in
 * server mode; pushed events are kept in `events` and also handed to `onEvent`.
 */
export async function detectionCase(onEvent: (event: VigilEvent) => void = () => {}): Promise<DetectionCase> {
  const options = { users: 40, days: 14, seed: 3 };
  const directory = mkdtempSync(join(tmpdir(), 'vigil-service-'));
  const eventsPath = join(directory, 'logins.csv');
  await generate({ ...defaultOptions, ...options, format: 'rba' }, { eventsPath, labelsPath: `${eventsPath}.labels.csv` });
  const path = join(directory, 'case.vigil');
  const db = openCase(path);
  const events: VigilEvent[] = [];
  const service = createService({ db, path, mode: 'server', actor: 'test', emit: (event) => {
    events.push(event);
    onEvent(event);
  } });
  await service.importFiles([eventsPath], { format: 'rba' });
  return {
    db,
    service,
    events,
    path,
    async dispose() {
      await service.dispose();
      db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
