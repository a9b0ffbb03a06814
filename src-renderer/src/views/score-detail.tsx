import type { ComponentName, EventScore } from '../../../src-shared/api';
import { RiskBadge } from '../components/badges';
import { formatRisk } from '../format';

const componentNames: Record<ComponentName, string> = {
  rules: 'Rules',
  statistical: 'Statistical risk',
  'isolation-forest': 'Isolation Forest',
  autoencoder: 'Autoencoder',
};

const componentMeaning: Record<ComponentName, string> = {
  rules: 'combined severity of the rules that fired',
  statistical: 'percentile of p(x)/p(x|user) among this case’s logins',
  'isolation-forest': 'percentile of the isolation score',
  autoencoder: 'percentile of the reconstruction error',
};

/** A score in full: risk, level and decision, every reason with its numbers, and each component's share. */
export function ScoreDetail({ score }: { score: EventScore }) {
  return (
    <div className="score-detail">
      <p className="score-headline">
        <RiskBadge level={score.level} /> <strong>{score.risk.toFixed(1)}</strong> / 100 → <span className={`decision decision-${score.decision}`}>{score.decision}</span>{' '}
        <span className="muted small">(run #{score.runId})</span>
      </p>
      <h4>Reasons</h4>
      {score.reasons.length === 0 ? (
        <p className="muted small">No rule fired and no model placed this login above its 99th percentile{Number(formatRisk(score.risk)) > 0 ? '; the risk is the models’ blend' : ''}.</p>
      ) : (
        <ul className="reasons" aria-label="Reasons">
          {score.reasons.map((reason, index) => (
            <li key={index}>
              <span className="reason-rule">{reason.rule.replace(/_/g, ' ')}</span> <span className="muted small">severity {reason.severity.toFixed(2)}</span>
              <div>{reason.text}</div>
            </li>
          ))}
        </ul>
      )}
      <h4>Components</h4>
      <table className="data-table components" aria-label="Score components">
        <thead>
          <tr>
            <th scope="col">Detector</th>
            <th scope="col" className="cell-number">
              Score
            </th>
            <th scope="col" className="cell-number">
              Weight
            </th>
          </tr>
        </thead>
        <tbody>
          {score.components.map((component) => (
            <tr key={component.name} className={component.used ? undefined : 'unused'} title={componentMeaning[component.name]}>
              <th scope="row">{componentNames[component.name]}</th>
              <td className="cell-number">
                {component.used ? (
                  <>
                    <span className="meter" aria-hidden="true">
                      <span className="meter-fill" style={{ width: `${Math.round(component.score * 100)}%` }} />
                    </span>{' '}
                    {component.score.toFixed(3)}
                  </>
                ) : (
                  'not trained'
                )}
              </td>
              <td className="cell-number">{component.weight === null ? 'adds' : component.used ? component.weight.toFixed(2) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Rules add to the risk as independent evidence; the models’ percentiles are blended by weight and count only in their far tail.</p>
    </div>
  );
}
