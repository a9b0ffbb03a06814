import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Timeline } from '../../../src-shared/api';
import { formatCount, formatTime, type DisplayZone } from '../format';
import { riskColors, seriesColors } from '../theme';
import { Chart } from './chart-setup';

/** A drag shorter than this many pixels is a click on a bucket. */
const clickTolerance = 4;

/**
 * Logins per bucket as stacked bars (successful, failed) with time and count axes, and once the case is
 * scored the alerts per bucket as a line on its own axis, each bucket's marker in the colour of its worst
 * alert. Dragging across the chart zooms to that range; clicking a bar selects its bucket.
 */
export function TimelineChart({ timeline, zone, onZoom, onSelectBucket }: {
  timeline: Timeline;
  zone: DisplayZone;
  onZoom(from: number, to: number): void;
  onSelectBucket(start: number, end: number): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar' | 'line', (number | null)[], string> | null>(null);
  const [drag, setDrag] = useState<{ start: number; current: number } | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart<'bar' | 'line', (number | null)[], string>(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { color: seriesColors.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }, title: { display: true, color: seriesColors.text } },
          y: { stacked: true, beginAtZero: true, grid: { color: seriesColors.grid }, ticks: { color: seriesColors.text, precision: 0 }, title: { display: true, color: seriesColors.text } },
          alerts: { position: 'right', display: 'auto', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { color: seriesColors.alerts, precision: 0 }, title: { display: true, text: 'Alerts per bucket', color: seriesColors.alerts } },
        },
        plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12, color: seriesColors.text } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    const dayOrMore = timeline.bucketMs >= 86_400_000;
    current.data.labels = timeline.points.map((point) => (dayOrMore ? formatTime(point.start, zone).slice(0, 10) : formatTime(point.start, zone).slice(0, 16)));
    current.data.datasets = [
      { label: 'Successful logins', data: timeline.points.map((point) => point.events - point.failures), backgroundColor: seriesColors.success, barPercentage: 1, categoryPercentage: 0.9 },
      { label: 'Failed logins', data: timeline.points.map((point) => point.failures), backgroundColor: seriesColors.failure, barPercentage: 1, categoryPercentage: 0.9 },
    ];
    const risk = timeline.risk;
    if (risk) {
      current.data.datasets.push({
        type: 'line',
        label: `Alerts (risk ≥ ${risk.threshold})`,
        // Empty buckets are gaps, not zeros: the series shows where alerts are, not a line along the axis.
        data: risk.points.map((point) => (point.alerts > 0 ? point.alerts : null)),
        spanGaps: false,
        yAxisID: 'alerts',
        // Drawn over the bars (a lower order is drawn later), in ink rather than a series colour.
        order: -1,
        borderColor: seriesColors.alerts,
        backgroundColor: seriesColors.alerts,
        borderWidth: 1.5,
        // Each bucket's marker in the colour of its worst alert.
        pointRadius: 4,
        pointHoverRadius: 5,
        pointBackgroundColor: risk.points.map((point) => (point.level ? riskColors[point.level] : riskColors.low)),
        pointBorderColor: seriesColors.alerts,
        pointBorderWidth: 1,
        tension: 0,
      });
    }
    const scales = current.options.scales;
    if (scales?.x?.title) scales.x.title.text = `Bucket start (${zone === 'UTC' ? 'UTC' : 'local time'})`;
    if (scales?.y?.title) scales.y.title.text = `Logins per ${timeline.bucket}`;
    if (current.options.plugins?.tooltip) {
      current.options.plugins.tooltip.callbacks = {
        label: (item) => {
          const worst = item.dataset.yAxisID === 'alerts' ? timeline.risk?.points[item.dataIndex] : undefined;
          const detail = worst && worst.maxRisk !== null ? ` (worst ${worst.level}, risk ${Math.floor(worst.maxRisk)})` : '';
          return `${item.dataset.label}: ${formatCount(Number(item.raw))}${detail}`;
        },
      };
    }
    current.update();
  }, [timeline, zone]);

  const indexAt = (x: number): number | null => {
    const scale = chart.current?.scales.x;
    if (!scale || timeline.points.length === 0) return null;
    const value = scale.getValueForPixel(x);
    return value === undefined ? null : Math.max(0, Math.min(timeline.points.length - 1, Math.round(value)));
  };
  const localX = (event: PointerEvent<HTMLDivElement>): number => event.clientX - event.currentTarget.getBoundingClientRect().left;

  const finish = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag) return;
    const end = localX(event);
    setDrag(null);
    const first = indexAt(Math.min(drag.start, end));
    const last = indexAt(Math.max(drag.start, end));
    if (first === null || last === null) return;
    if (Math.abs(end - drag.start) < clickTolerance) {
      const point = timeline.points[first];
      onSelectBucket(point.start, point.start + timeline.bucketMs);
    } else if (last > first) {
      onZoom(timeline.points[first].start, timeline.points[last].start + timeline.bucketMs);
    }
  };

  return (
    <div
      className="timeline-chart"
      onPointerDown={(event) => setDrag({ start: localX(event), current: localX(event) })}
      onPointerMove={(event) => drag && setDrag({ ...drag, current: localX(event) })}
      onPointerUp={finish}
      onPointerLeave={() => setDrag(null)}
    >
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Logins and failed logins per ${timeline.bucket}, ${timeline.points.length} buckets${timeline.risk ? `, with ${formatCount(timeline.risk.points.reduce((sum, point) => sum + point.alerts, 0))} alerts` : ''}`}
      />
      {drag && Math.abs(drag.current - drag.start) >= clickTolerance && (
        <div className="zoom-selection" style={{ left: Math.min(drag.start, drag.current), width: Math.abs(drag.current - drag.start) }} />
      )}
    </div>
  );
}
