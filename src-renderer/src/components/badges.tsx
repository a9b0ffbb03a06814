import type { Outcome } from '../../../src-shared/event';
import { riskLevels, type RiskLevel } from '../../../src-shared/api';

/** Success or failure, in words and colour. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <span className={`badge outcome-${outcome}`}>{outcome === 'success' ? 'success' : 'failure'}</span>;
}

/** A risk level in its colour; "not scored" while the case has no scores. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (level === null) return <span className="badge risk-none">not scored</span>;
  return <span className={`badge risk-${level}`}>{level}</span>;
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
