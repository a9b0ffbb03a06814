import type { TrainingProgress } from '../../../../src-shared/api';
import { ProgressBar } from '../../components/progress-bar';
import { XyChart } from '../../components/xy-chart';
import { formatCount, formatDuration } from '../../format';
import { evaluationColors } from '../../theme';
import type { FollowedTraining } from './use-training';

type Phase = TrainingProgress['phase'];

const phaseNames: Record<Phase, string> = {
  assess: 'Learning behaviour, applying the rules',
  forest: 'Isolation Forest',
  autoencoder: 'Autoencoder',
  score: 'Scoring every login',
};
const phaseOrder: Phase[] = ['assess', 'forest', 'autoencoder', 'score'];

/** Where each phase is: done, running (with its fraction, or null when unknown), waiting, or left out. */
export function phaseStates(training: FollowedTraining): { phase: Phase; state: 'done' | 'running' | 'waiting' | 'skipped'; fraction: number | null; detail: string }[] {
  const models = training.options?.models;
  const skipped = (phase: Phase): boolean => (phase === 'forest' && models?.forest === false) || (phase === 'autoencoder' && models?.autoencoder === false);
  const progress = training.progress;
  const at = progress ? phaseOrder.indexOf(progress.phase) : -1;
  const finishedCurrent = progress !== null && progress.done >= progress.total;
  // A phase that reports only at its end (the forest) runs once the one before it has finished.
  const next = finishedCurrent || at < 0 ? phaseOrder.findIndex((phase, index) => index > at && !skipped(phase)) : at;
  const running = next < 0 ? phaseOrder.length : next;
  return phaseOrder.map((phase, index) => {
    if (skipped(phase)) return { phase, state: 'skipped', fraction: null, detail: 'left out' };
    if (index < running || (index === at && finishedCurrent)) return { phase, state: 'done', fraction: 1, detail: progress && index === at ? describe(progress) : 'done' };
    if (index === running) {
      const own = progress && index === at ? progress : null;
      return { phase, state: 'running', fraction: own && own.total > 0 ? own.done / own.total : null, detail: own ? describe(own) : 'starting…' };
    }
    return { phase, state: 'waiting', fraction: 0, detail: 'waiting' };
  });
}

function describe(progress: TrainingProgress): string {
  if (progress.phase === 'forest') return `${formatCount(progress.done)} of ${formatCount(progress.total)} trees`;
  if (progress.phase === 'autoencoder') return `epoch ${progress.done} of ${progress.total}${progress.loss === undefined ? '' : `, loss ${progress.loss.toFixed(4)}`}`;
  return `${formatCount(progress.done)} of ${formatCount(progress.total)} logins`;
}

/** The training under way: one bar per phase, and the autoencoder's loss per epoch as it falls. */
export function TrainingProgressView({ training, now }: { training: FollowedTraining; now: number }) {
  const states = phaseStates(training);
  const losses = training.losses.flatMap((loss, index) => (loss === undefined ? [] : [{ x: index + 1, y: loss }]));
  const epochs = training.options?.models.autoencoder ? training.options.models.autoencoder.epochs : Math.max(1, losses.length);
  return (
    <div className="training-progress" aria-live="polite">
      <p className="muted small">Running for {formatDuration(Math.max(0, Math.floor((now - training.startedAt) / 1000) * 1000))} in a worker thread; the rest of Vigil stays usable.</p>
      <ol className="phases">
        {states.map(({ phase, state, fraction, detail }) => (
          <li key={phase} className={`phase phase-${state}`}>
            <div className="phase-head">
              <span className="phase-name">{phaseNames[phase]}</span>
              <span className="phase-detail">{detail}</span>
            </div>
            {state !== 'skipped' && <ProgressBar fraction={state === 'waiting' ? 0 : fraction} label={`${phaseNames[phase]} progress`} />}
          </li>
        ))}
      </ol>
      {training.options?.models.autoencoder !== false && (
        <div className="loss-chart">
          <h3>Autoencoder loss per epoch</h3>
          {losses.length === 0 ? (
            <p className="muted small">The loss appears after the first epoch.</p>
          ) : (
            <XyChart
              label={`Autoencoder training loss over ${losses.length} epochs, last ${losses[losses.length - 1].y.toFixed(4)}`}
              series={[{ label: 'Mean squared reconstruction error', points: losses, color: evaluationColors.curve, markers: true }]}
              xTitle="Epoch"
              yTitle="Loss"
              xRange={[1, epochs]}
              height={12}
            />
          )}
        </div>
      )}
    </div>
  );
}
