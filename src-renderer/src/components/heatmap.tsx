import { seriesColors } from '../theme';

const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Logins per hour of week (7 × 24), darker for more; each cell states its count on hover and to screen readers. */
export function HourOfWeekHeatmap({ counts, zoneLabel }: { counts: number[][]; zoneLabel: string }) {
  const maximum = Math.max(1, ...counts.flat());
  return (
    <figure className="heatmap">
      <div className="heatmap-grid" role="grid" aria-label={`Logins per hour of week (${zoneLabel})`}>
        <div role="row" className="heatmap-row">
          <span className="heatmap-corner" />
          {Array.from({ length: 24 }, (_, hour) => (
            <span key={hour} role="columnheader" className="heatmap-hour">
              {hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}
            </span>
          ))}
        </div>
        {counts.map((row, day) => (
          <div key={days[day]} role="row" className="heatmap-row">
            <span role="rowheader" className="heatmap-day">
              {days[day]}
            </span>
            {row.map((count, hour) => {
              const label = `${days[day]} ${String(hour).padStart(2, '0')}:00: ${count} login${count === 1 ? '' : 's'}`;
              return (
                <span
                  key={hour}
                  role="gridcell"
                  className="heatmap-cell"
                  title={label}
                  aria-label={label}
                  // Square-root scale: a few logins at an odd hour stay visible next to a busy habit.
                  style={{ backgroundColor: count === 0 ? undefined : seriesColors.success, opacity: count === 0 ? 1 : 0.15 + 0.85 * Math.sqrt(count / maximum) }}
                />
              );
            })}
          </div>
        ))}
      </div>
      <figcaption>Hour of day ({zoneLabel}) × day of week; darker cells hold more logins (most: {maximum}).</figcaption>
    </figure>
  );
}
