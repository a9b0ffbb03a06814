/** Progress of a training and scoring run, for the command line and the Training view. */
export interface TrainingProgress {
  /** assess: causal pass over events; forest: trees grown; autoencoder: epochs; score: events scored. */
  phase: 'assess' | 'forest' | 'autoencoder' | 'score';
  done: number;
  total: number;
  /** Autoencoder training loss after the epoch. */
  loss?: number;
}
