import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCase } from '../../engine/store/database.js';
import { unscoredEvents } from '../../engine/store/run-evaluation.js';
import { UsageError, type Command } from '../command.js';
import { formatCount } from '../progress.js';
import { writeScoresCsv } from '../scores-csv.js';
import { chooseRun } from '../../engine/detect/run-choice.js';

const usage = 'vigil score --case C.vigil --out SCORES.csv [--run N]';

/** `vigil score`: write a run's scores (the latest by default) as SCORES.csv. */
export const command: Command = {
  summary: "Write a run's scores (the latest by default) as SCORES.csv",
  usage,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { case: { type: 'string' }, out: { type: 'string' }, run: { type: 'string' } } });
    if (!values.case) throw new UsageError('--case is required');
    if (!existsSync(values.case)) throw new UsageError(`no case file at ${values.case} (import logs into it first)`);
    if (!values.out) throw new UsageError('--out is required');
    const db = openCase(values.case);
    try {
      const run = chooseRun(db, values.run);
      const written = writeScoresCsv(db, run.id, values.out);
      process.stderr.write(`wrote ${formatCount(written)} scores of run #${run.id} → ${values.out}\n`);
      const missing = unscoredEvents(db, run.id);
      if (missing.count > 0) {
        const span = missing.first !== null && missing.last !== null ? ` (${new Date(missing.first).toISOString()} … ${new Date(missing.last).toISOString()})` : '';
        process.stderr.write(
          `note: ${formatCount(missing.count)} events were imported after run #${run.id} and have no score${span}; ` +
            `re-train to include them: vigil train --case ${values.case}\n`,
        );
      }
    } finally {
      db.close();
    }
    return 0;
  },
};
