import type { RunEvaluation } from '../../../../src-shared/api';
import { HistogramChart, type HistogramSeries } from '../../components/histogram-chart';
import { XyChart } from '../../components/xy-chart';
import { formatRatio } from '../../format';
import { evaluationColors } from '../../theme';

/** How the scores spread over 0–100 by ground truth, with the threshold marked. */
export function ScoreDistributionChart({ evaluation, threshold }: { evaluation: RunEvaluation; threshold: number }) {
  const { normal, attack, unlabelled } = evaluation.distribution;
  const series: HistogramSeries[] = [];
  if (evaluation.labelled > evaluation.attacks) series.push({ label: 'Normal', counts: normal, color: evaluationColors.normal });
  if (evaluation.attacks > 0) series.push({ label: 'Attack', counts: attack, color: evaluationColors.attack });
  if (evaluation.unlabelled > 0) series.push({ label: 'No label', counts: unlabelled, color: evaluationColors.unlabelled });
  return <HistogramChart series={series} threshold={threshold} label={`Events per risk point for run ${evaluation.runId}, alert threshold ${threshold}`} />;
}

/** The ROC curve against chance, with its AUC. */
export function RocChart({ evaluation }: { evaluation: RunEvaluation }) {
  const points = evaluation.roc.map((point) => ({ x: point.falsePositiveRate, y: point.truePositiveRate }));
  return (
    <XyChart
      label={`ROC curve, AUC ${formatRatio(evaluation.quality?.auc)}`}
      series={[
        { label: `ROC (AUC ${formatRatio(evaluation.quality?.auc)})`, points, color: evaluationColors.curve },
        { label: 'Chance', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], color: evaluationColors.chance, reference: true },
      ]}
      xTitle="False-positive rate"
      yTitle="True-positive rate (recall)"
      xRange={[0, 1]}
      yRange={[0, 1]}
    />
  );
}

/** The precision–recall curve against the share of attacks (what alerting on everything would give). */
export function PrecisionRecallChart({ evaluation }: { evaluation: RunEvaluation }) {
  const points = evaluation.precisionRecall.map((point) => ({ x: point.recall, y: point.precision }));
  const base = evaluation.labelled > 0 ? evaluation.attacks / evaluation.labelled : 0;
  return (
    <XyChart
      label={`Precision–recall curve, average precision ${formatRatio(evaluation.quality?.averagePrecision)}`}
      series={[
        { label: `Precision–recall (AP ${formatRatio(evaluation.quality?.averagePrecision)})`, points, color: evaluationColors.attack },
        { label: 'Share of attacks', points: [{ x: 0, y: base }, { x: 1, y: base }], color: evaluationColors.chance, reference: true },
      ]}
      xTitle="Recall"
      yTitle="Precision"
      xRange={[0, 1]}
      yRange={[0, 1]}
    />
  );
}
