import { confusionAt, type ScoreDistribution } from '../../../../src-shared/api';
import { formatCount, formatPercent } from '../../format';

/** The confusion table when logins at or above `threshold` alert, with precision, recall and false-positive rate. */
export function ConfusionTable({ distribution, threshold }: { distribution: ScoreDistribution; threshold: number }) {
  const confusion = confusionAt(distribution, threshold);
  const attacks = confusion.truePositives + confusion.falseNegatives;
  const normal = confusion.falsePositives + confusion.trueNegatives;
  return (
    <div className="confusion">
      <table className="data-table confusion-table" aria-label={`Confusion table at risk ${threshold}`}>
        <thead>
          <tr>
            <th scope="col">Ground truth</th>
            <th scope="col" className="cell-number">
              Alerts (risk ≥ {threshold})
            </th>
            <th scope="col" className="cell-number">
              No alert
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Attack ({formatCount(attacks)})</th>
            <td className="cell-number good">{formatCount(confusion.truePositives)} caught</td>
            <td className="cell-number bad">{formatCount(confusion.falseNegatives)} missed</td>
          </tr>
          <tr>
            <th scope="row">Normal ({formatCount(normal)})</th>
            <td className="cell-number bad">{formatCount(confusion.falsePositives)} false alarms</td>
            <td className="cell-number good">{formatCount(confusion.trueNegatives)} quiet</td>
          </tr>
        </tbody>
      </table>
      <dl className="confusion-rates">
        <div>
          <dt>Precision</dt>
          <dd>{formatPercent(confusion.truePositives, confusion.truePositives + confusion.falsePositives)}</dd>
        </div>
        <div>
          <dt>Recall</dt>
          <dd>{formatPercent(confusion.truePositives, attacks)}</dd>
        </div>
        <div>
          <dt>False-positive rate</dt>
          <dd>{formatPercent(confusion.falsePositives, normal)}</dd>
        </div>
      </dl>
    </div>
  );
}
