import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importInWorker } from '../../engine/workers/run-import.js';
import { openCase } from '../../engine/store/database.js';
import { prepareScoresCsv } from '../../engine/detect/scores-csv-in-worker.js';
import { UsageError, type Command } from '../command.js';
import { importOptionSpecs, readImportOptions } from '../import-options.js';
import { createProgressLine, formatCount } from '../progress.js';
import { describeSummary } from './import.js';

const usage = 'vigil detect FILE... --out SCORES.csv [--case C.vigil] [--format auto|rba|csv|jsonl|authlog|syslog|journal|cloud] [--tz ZONE] [--year YYYY] [--map field=column ...] [--seed N] [--no-autoencoder]';

/** `vigil detect`: import, train unsupervised on those events, score every event, write SCORES.csv. */
export const command: Command = {
  summary: 'One shot: import files, train on them, score every event, write SCORES.csv',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        case: { type: 'string' },
        ...importOptionSpecs,
        seed: { type: 'string', default: '1' },
        'no-autoencoder': { type: 'boolean', default: false },
      },
    });
    if (!values.out) throw new UsageError('--out is required');
    if (positionals.length === 0) throw new UsageError('name at least one FILE');
    const importOptions = readImportOptions(values);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, not '${values.seed}'`);
    const temporary = values.case ? null : mkdtempSync(join(tmpdir(), 'vigil-detect-'));
    const casePath = values.case ?? join(temporary as string, 'case.vigil');
    const autoencoder = !values['no-autoencoder'];
    try {
      openCase(casePath, { scratch: temporary !== null }).close();
      const detection = loadDetection(autoencoder);
      for (const path of positionals) process.stderr.write(describeSummary(await importInWorker(casePath, path, { ...importOptions, scratch: temporary !== null })));
      const { runDetection } = await detection;
      // The events' part of SCORES.csv is read and formatted on the other core while this one detects.
      const csv = prepareScoresCsv(casePath);
      const db = openCase(casePath, { scratch: temporary !== null });
      try {
        const progress = createProgressLine();
        const run = await runDetection(db, {
          seed,
          models: autoencoder ? {} : { autoencoder: false },
          // A temporary case is deleted at the end: its scores go to SCORES.csv only.
          storeScores: temporary === null,
          readInWorker: true,
          onProgress: (state) => progress.update(`${state.phase}: ${formatCount(state.done)}/${formatCount(state.total)}${state.loss === undefined ? '' : ` loss ${state.loss.toFixed(4)}`}`, state.total > 0 ? state.done / state.total : null),
        });
        progress.done();
        const written = await csv.write(values.out, run.eventIds, run.verdicts);
        const phases = Object.entries(run.seconds).map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`).join(', ');
        process.stderr.write(`scored ${formatCount(written)} events (run #${run.runId}: ${phases}) → ${values.out}\n`);
      } finally {
        csv.stop();
        db.close();
      }
    } finally {
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    }
    return 0;
  },
};

/**
 * Load the detection engine, and start the autoencoder's WebAssembly backend when it is used, while the
 * import runs in its worker: this thread only waits for the import meanwhile, and the engine (tfjs
 * above all) takes a second or two to load. A failure surfaces where the result is awaited.
 */
function loadDetection(autoencoder: boolean): Promise<typeof import('../../engine/detect/run-detection.js')> {
  const loading = (async () => {
    const detection = await import('../../engine/detect/run-detection.js');
    if (autoencoder) await (await import('../../engine/detect/tfjs-backend.js')).useWasmBackend();
    return detection;
  })();
  // Handled when awaited after the import; until then a rejection must not count as unhandled.
  loading.catch(() => undefined);
  return loading;
}
