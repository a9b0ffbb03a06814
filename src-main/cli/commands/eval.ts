import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateRun, formatEvaluation } from '../../engine/detect/evaluate-run.js';
import { openCase } from '../../engine/store/database.js';
import { UsageError, type Command } from '../command.js';
import { chooseRun } from '../../engine/detect/run-choice.js';

const usage = 'vigil eval --case C.vigil [--run N] [--json]';

/** `vigil eval`: score.py's figures for a run (the latest by default) against the labels in the case. */
export const command: Command = {
  summary: "Evaluate a run against the case's labels (AUC, AP, recall at 1% FPR, per attack type)",
  usage,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { case: { type: 'string' }, run: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (!values.case) throw new UsageError('--case is required');
    if (!existsSync(values.case)) throw new UsageError(`no case file at ${values.case} (import logs into it first)`);
    const db = openCase(values.case);
    try {
      const run = chooseRun(db, values.run);
      const evaluation = evaluateRun(db, run.id);
      if (!evaluation) {
        process.stderr.write(`run #${run.id}: no event of the case carries a label, so there is nothing to evaluate against\n`);
        return 1;
      }
      const quality = evaluation.quality;
      if (values.json) {
        // score.py's JSON keys, so either tool's output can be compared with the other.
        const perType = Object.fromEntries(Object.entries(quality.perType).map(([type, figures]) => [type, { n: figures.count, auc: figures.auc, recall_at_1pct_fpr: figures.recallAtFalsePositiveRate }]));
        const output = { run: run.id, events: quality.events, attacks: quality.attacks, missing: 0, auc: quality.auc, ap: quality.averagePrecision, recall_at_1pct_fpr: quality.recallAtFalsePositiveRate, per_type: perType };
        process.stdout.write(JSON.stringify(output) + '\n');
      } else {
        process.stdout.write(`run #${run.id}${evaluation.unlabelled > 0 ? ` (${evaluation.unlabelled} unlabelled events left out)` : ''}\n${formatEvaluation(quality)}`);
      }
    } finally {
      db.close();
    }
    return 0;
  },
};
