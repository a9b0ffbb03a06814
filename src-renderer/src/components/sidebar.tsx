import type { CaseInfo } from '../../../src-shared/api';
import { formatCount } from '../format';
import { routeHref, type ViewName } from '../hooks/use-route';

const entries: { view: ViewName; label: string; icon: string }[] = [
  { view: 'overview', label: 'Overview', icon: '◧' },
  { view: 'events', label: 'Events', icon: '≡' },
  { view: 'users', label: 'Users', icon: '◉' },
  { view: 'timeline', label: 'Timeline', icon: '▁▃▅' },
  { view: 'training', label: 'Training', icon: '◇' },
  { view: 'alerts', label: 'Alerts', icon: '△' },
  { view: 'live', label: 'Live', icon: '●' },
  { view: 'settings', label: 'Settings', icon: '⚙' },
];

/** The dark navigation column: the views by name and the open case. */
export function Sidebar({ current, caseInfo }: { current: ViewName; caseInfo: CaseInfo | null }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        Vigil
      </div>
      <nav aria-label="Views">
        <ul>
          {entries.map((entry) => (
            <li key={entry.view}>
              <a href={routeHref(entry.view)} aria-current={current === entry.view ? 'page' : undefined}>
                <span className="nav-icon" aria-hidden="true">
                  {entry.icon}
                </span>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {caseInfo && (
        <div className="sidebar-case" title={caseInfo.path}>
          <div className="sidebar-case-label">Case</div>
          <div className="sidebar-case-name">{caseInfo.name}</div>
          <div className="sidebar-case-detail">
            {formatCount(caseInfo.counts.events)} events · {caseInfo.mode === 'server' ? 'browser' : 'desktop'}
          </div>
        </div>
      )}
    </aside>
  );
}
