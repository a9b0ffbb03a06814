import { useState } from 'react';
import { useAppState } from '../../app-state';
import { useClient } from '../../client/context';
import { DataTable } from '../../components/data-table';
import { Panel, Stat } from '../../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../../components/states';
import { formatCount, formatPercent, formatRatio } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { ConfusionTable } from './confusion-table';
import { PrecisionRecallChart, RocChart, ScoreDistributionChart } from './evaluation-charts';

/** How well a run separates attacks from normal logins, measured on the labels in the data. */
export function RunMetrics({ runId }: { runId: number }) {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const evaluation = useAsync(() => client.runEvaluation(runId), [runId, dataVersion]);
  const [threshold, setThreshold] = useState(settings.challengeThreshold);
  const data = evaluation.data?.runId === runId ? evaluation.data : null;

  return (
    <Panel title={`Run #${runId}: detection quality`} busy={evaluation.loading}>
      {evaluation.error && <ErrorMessage error={evaluation.error} onRetry={evaluation.reload} />}
      {!data && evaluation.loading && <Loading label="Measuring the run against the labels…" />}
      {data && (
        <div className="run-metrics">
          {data.quality ? (
            <div className="stats" aria-label="Detection quality">
              <Stat label="ROC AUC" value={formatRatio(data.quality.auc)} detail="chance is 0.5" />
              <Stat label="Average precision" value={formatRatio(data.quality.averagePrecision)} detail={`chance is ${formatRatio(data.attacks / data.labelled)}`} />
              <Stat label="Recall at 1% FPR" value={formatPercent(data.quality.recallAtOnePercent, 1)} detail="attacks caught when 1% of normal logins alert" />
              <Stat label="Labelled events" value={formatCount(data.labelled)} detail={`${formatCount(data.attacks)} attacks${data.unlabelled > 0 ? `, ${formatCount(data.unlabelled)} without label` : ''}`} />
            </div>
          ) : (
            <EmptyState title="No ground truth to measure against">
              {data.labelled === 0
                ? 'No event of this case carries a label, so AUC, curves and the confusion table cannot be computed. The score distribution below is still the run’s own.'
                : 'The labels hold only one class (all normal or all attacks), so attacks cannot be told from normal logins here.'}
            </EmptyState>
          )}
          <div className="grid-2">
            <section aria-labelledby="distribution-title">
              <h3 id="distribution-title">Score distribution</h3>
              <ScoreDistributionChart evaluation={data} threshold={threshold} />
            </section>
            {data.quality && (
              <section aria-labelledby="confusion-title">
                <h3 id="confusion-title">Confusion table</h3>
                <label className="field threshold-slider">
                  <span>
                    Alert at risk ≥ <output>{threshold}</output> (Settings: challenge at {settings.challengeThreshold})
                  </span>
                  <input type="range" min={0} max={100} step={1} value={threshold} onChange={(event) => setThreshold(Number(event.target.value))} aria-label="Alert threshold" />
                </label>
                <ConfusionTable distribution={data.distribution} threshold={threshold} />
              </section>
            )}
          </div>
          {data.quality && (
            <>
              <div className="grid-2">
                <section aria-labelledby="roc-title">
                  <h3 id="roc-title">ROC curve</h3>
                  <RocChart evaluation={data} />
                </section>
                <section aria-labelledby="pr-title">
                  <h3 id="pr-title">Precision–recall curve</h3>
                  <PrecisionRecallChart evaluation={data} />
                </section>
              </div>
              <h3>Per attack type</h3>
              <DataTable
                caption="Quality per attack type"
                rows={data.quality.perType}
                rowKey={(row) => row.label}
                columns={[
                  { header: 'Attack type', cell: (row) => row.label },
                  { header: 'Events', kind: 'number', cell: (row) => formatCount(row.count) },
                  { header: 'ROC AUC', kind: 'number', cell: (row) => formatRatio(row.auc) },
                  { header: 'Recall at 1% FPR', kind: 'number', cell: (row) => formatPercent(row.recallAtOnePercent, 1) },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
