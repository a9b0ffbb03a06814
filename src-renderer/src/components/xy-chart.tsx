import { useEffect, useRef } from 'react';
import { Chart } from './chart-setup';
import { seriesColors } from '../theme';

/** A line through (x, y) points. */
export interface XySeries {
  label: string;
  points: { x: number; y: number }[];
  color: string;
  /** Dashed and thin: a reference line such as chance. */
  reference?: boolean;
  /** Mark each point (few points, e.g. epochs). */
  markers?: boolean;
}

/** Lines on linear x and y axes (ROC and precision–recall curves, training loss), redrawn when the series change. */
export function XyChart({ series, xTitle, yTitle, label, xRange, yRange, height = 16 }: {
  series: XySeries[];
  xTitle: string;
  yTitle: string;
  /** What the chart shows, for screen readers. */
  label: string;
  xRange?: [number, number];
  yRange?: [number, number];
  /** In rem. */
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'scatter'> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const axis = (title: string, range?: [number, number]) => ({
      type: 'linear' as const,
      min: range?.[0],
      max: range?.[1],
      grid: { color: seriesColors.grid },
      ticks: { color: seriesColors.text, maxTicksLimit: 6 },
      title: { display: true, text: title, color: seriesColors.text },
    });
    chart.current = new Chart(canvas.current, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: axis(xTitle, xRange), y: axis(yTitle, yRange) },
        plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12, color: seriesColors.text } } },
      },
    });
    return () => chart.current?.destroy();
    // The axes are set once for the chart's life; only the series change.
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.datasets = series.map((line) => ({
      label: line.label,
      data: line.points,
      showLine: true,
      borderColor: line.color,
      backgroundColor: line.color,
      borderWidth: line.reference ? 1 : 2,
      borderDash: line.reference ? [4, 4] : undefined,
      pointRadius: line.markers ? 3 : 0,
      pointHoverRadius: line.markers ? 4 : 2,
    }));
    current.update();
  }, [series]);

  return (
    <div className="xy-chart" style={{ height: `${height}rem` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
