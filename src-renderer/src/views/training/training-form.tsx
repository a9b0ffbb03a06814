import { useState, type FormEvent } from 'react';
import { trainingOptionsSchema, type TrainingOptions } from '../../../../src-shared/api';

/** The form's fields as typed (text), so a half-typed number is not lost. */
interface Draft {
  seed: string;
  freeman: boolean;
  forest: boolean;
  trees: string;
  maxSamples: string;
  autoencoder: boolean;
  epochs: string;
  hidden: string;
  batchSize: string;
}

function toDraft(options: TrainingOptions): Draft {
  const forest = options.models.forest || { trees: 100, maxSamples: 256 };
  const autoencoder = options.models.autoencoder || { epochs: 8, hidden: 6, batchSize: 512 };
  return {
    seed: String(options.seed),
    freeman: options.models.freeman,
    forest: options.models.forest !== false,
    trees: String(forest.trees),
    maxSamples: String(forest.maxSamples),
    autoencoder: options.models.autoencoder !== false,
    epochs: String(autoencoder.epochs),
    hidden: String(autoencoder.hidden),
    batchSize: String(autoencoder.batchSize),
  };
}

/** The draft as options, checked by the contract's own schema; the first problem in words otherwise. */
function fromDraft(draft: Draft): { options: TrainingOptions } | { problem: string } {
  const number = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  const candidate = {
    seed: number(draft.seed),
    models: {
      freeman: draft.freeman,
      forest: draft.forest ? { trees: number(draft.trees), maxSamples: number(draft.maxSamples) } : false,
      autoencoder: draft.autoencoder ? { epochs: number(draft.epochs), hidden: number(draft.hidden), batchSize: number(draft.batchSize) } : false,
    },
  };
  const parsed = trainingOptionsSchema.safeParse(candidate);
  if (parsed.success) return { options: parsed.data };
  const issue = parsed.error.issues[0];
  const names: Record<string, string> = { seed: 'Seed', trees: 'Trees', maxSamples: 'Samples per tree', epochs: 'Epochs', hidden: 'Bottleneck units', batchSize: 'Batch size' };
  const field = String(issue.path.at(-1) ?? '');
  return { problem: `${names[field] ?? field}: ${issue.message.replace(/^Invalid input: /, '')}` };
}

/** Models and parameters to train with; rules always run, each model can be left out. */
export function TrainingForm({ defaults, running, disabledReason, onTrain, onStop }: {
  defaults: TrainingOptions;
  running: boolean;
  disabledReason: string | null;
  onTrain(options: TrainingOptions): void;
  onStop(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(defaults));
  const result = fromDraft(draft);
  const locked = running || disabledReason !== null;
  const text = (name: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });
  const check = (name: 'freeman' | 'forest' | 'autoencoder') => (event: { target: { checked: boolean } }) => setDraft({ ...draft, [name]: event.target.checked });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if ('options' in result && !locked) onTrain(result.options);
  };
  const number = (label: string, name: keyof Draft, enabled: boolean) => (
    <label className="field field-narrow">
      <span>{label}</span>
      <input inputMode="numeric" value={String(draft[name])} onChange={text(name)} disabled={locked || !enabled} />
    </label>
  );
  return (
    <form className="training-form" onSubmit={submit} aria-label="Train models">
      <fieldset className="model-choice" disabled={locked}>
        <legend>Models</legend>
        <p className="muted small">The rules (impossible travel, new device or country, brute force, spray, stuffing, …) always run.</p>
        <label className="check">
          <input type="checkbox" checked={draft.freeman} onChange={check('freeman')} />
          Statistical risk (Freeman et al.)
        </label>
        <div className="model-row">
          <label className="check">
            <input type="checkbox" checked={draft.forest} onChange={check('forest')} />
            Isolation Forest
          </label>
          {number('Trees', 'trees', draft.forest)}
          {number('Samples per tree', 'maxSamples', draft.forest)}
        </div>
        <div className="model-row">
          <label className="check">
            <input type="checkbox" checked={draft.autoencoder} onChange={check('autoencoder')} />
            Autoencoder
          </label>
          {number('Epochs', 'epochs', draft.autoencoder)}
          {number('Bottleneck units', 'hidden', draft.autoencoder)}
          {number('Batch size', 'batchSize', draft.autoencoder)}
        </div>
      </fieldset>
      <div className="form-row">
        {number('Seed', 'seed', true)}
        <button type="submit" className="button-primary" disabled={locked || 'problem' in result} aria-describedby="train-note">
          Train
        </button>
        {running && (
          <button type="button" className="button-secondary" onClick={onStop}>
            Stop
          </button>
        )}
      </div>
      <p id="train-note" className={disabledReason || 'problem' in result ? 'notice' : 'muted small'}>
        {disabledReason ?? ('problem' in result ? result.problem : 'Trains on every event of the case and scores each one; the same seed gives the same scores.')}
      </p>
    </form>
  );
}
