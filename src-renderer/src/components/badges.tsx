import type { Outcome } from '../../../src-shared/event';
import { riskLevels, type RiskLevel } from '../../../src-shared/api';
import { formatRisk } from '../format';

/** Success or failure, in words and colour. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <span className={`badge outcome-${outcome}`}>{outcome === 'success' ? 'success' : 'failure'}</span>;
}

/** A risk level in its colour, with the risk when given; "not scored" while the event has no score. */
export function RiskBadge({ level, risk }: { level: RiskLevel | null; risk?: number | null }) {
  if (level === null) return <span className="badge risk-none">not scored</span>;
  const score = risk === undefined || risk === null ? '' : ` ${formatRisk(risk)}`;
  return <span className={`badge risk-${level}`} title={risk === undefined || risk === null ? undefined : `risk ${risk.toFixed(1)} of 100`}>{`${level}${score}`}</span>;
}

/** The four risk levels and their colours. */
export function RiskLegend() {
  return (
    <ul className="risk-legend" aria-label="Risk levels">
      {riskLevels.map((level) => (
        <li key={level}>
          <RiskBadge level={level} />
        </li>
      ))}
    </ul>
  );
}
