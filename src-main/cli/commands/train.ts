import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runDetection } from '../../engine/detect/run-detection.js';
import { defaultModelChoice, type ModelChoice } from '../../engine/detect/settings.js';
import { openCase } from '../../engine/store/database.js';
import { UsageError, type Command } from '../command.js';
import { createProgressLine, formatCount } from '../progress.js';

const usage = 'vigil train --case C.vigil [--seed N] [--no-autoencoder] [--trees N] [--epochs N]';

/** A whole number option, or the default. */
function integerOption(name: string, value: string | undefined, fallback: number, minimum = 0): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw new UsageError(`--${name} must be a whole number of at least ${minimum}, not '${value}'`);
  return number;
}

/** `vigil train`: learn every event of a case and score it (a new run), printing the time of each phase. */
export const command: Command = {
  summary: 'Train on every event of a case and score them all (a new run), with phase timings',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string' },
        seed: { type: 'string' },
        'no-autoencoder': { type: 'boolean', default: false },
        trees: { type: 'string' },
        epochs: { type: 'string' },
      },
    });
    if (!values.case) throw new UsageError('--case is required');
    if (!existsSync(values.case)) throw new UsageError(`no case file at ${values.case} (import logs into it first)`);
    const seed = integerOption('seed', values.seed, 1);
    const forest = defaultModelChoice.forest || { trees: 100, maxSamples: 256 };
    const autoencoder = defaultModelChoice.autoencoder || { epochs: 8, hidden: 6, batchSize: 512 };
    const models: ModelChoice = {
      freeman: true,
      forest: { ...forest, trees: integerOption('trees', values.trees, forest.trees, 1) },
      autoencoder: values['no-autoencoder'] ? false : { ...autoencoder, epochs: integerOption('epochs', values.epochs, autoencoder.epochs, 1) },
    };
    const db = openCase(values.case);
    try {
      const progress = createProgressLine();
      const run = await runDetection(db, {
        seed,
        models,
        onProgress: (state) => progress.update(`${state.phase}: ${formatCount(state.done)}/${formatCount(state.total)}${state.loss === undefined ? '' : ` loss ${state.loss.toFixed(4)}`}`, state.total > 0 ? state.done / state.total : null),
      });
      progress.done();
      const total = Object.values(run.seconds).reduce((sum, seconds) => sum + seconds, 0);
      const lines = [`run #${run.runId}: trained on and scored ${formatCount(run.events)} events (seed ${seed}) in ${total.toFixed(1)} s`];
      for (const [phase, seconds] of Object.entries(run.seconds)) {
        const rate = phase === 'assess' && seconds > 0 ? `  (${formatCount(Math.round(run.events / seconds))} events/s)` : '';
        lines.push(`  ${phase.padEnd(12)} ${seconds.toFixed(2).padStart(8)} s${rate}`);
      }
      lines.push(`Evaluate it with 'vigil eval --case ${values.case}', export it with 'vigil score --case ${values.case} --out SCORES.csv'.`);
      process.stdout.write(lines.join('\n') + '\n');
    } finally {
      db.close();
    }
    return 0;
  },
};
