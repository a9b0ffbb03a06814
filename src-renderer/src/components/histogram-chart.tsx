import { useEffect, useRef } from 'react';
import type { Plugin } from 'chart.js';
import { Chart } from './chart-setup';
import { formatCount } from '../format';
import { evaluationColors, seriesColors } from '../theme';

/** Events per whole risk point for one group (normal, attack, no label). */
export interface HistogramSeries {
  label: string;
  counts: number[];
  color: string;
}

/** Draws the alert threshold as a vertical line over the bars. */
const thresholdLine: Plugin<'bar', { value: number }> = {
  id: 'vigilThreshold',
  afterDatasetsDraw(chart, _arguments, options) {
    const scale = chart.scales.x;
    if (!scale || options.value === undefined) return;
    // Bars are centred on their risk point; the threshold sits at the left edge of its bar.
    const x = scale.getPixelForValue(options.value) - (scale.getPixelForValue(1) - scale.getPixelForValue(0)) / 2;
    const { top, bottom } = chart.chartArea;
    const context = chart.ctx;
    context.save();
    context.strokeStyle = evaluationColors.threshold;
    context.setLineDash([4, 3]);
    context.beginPath();
    context.moveTo(x, top);
    context.lineTo(x, bottom);
    context.stroke();
    context.restore();
  },
};

/**
 * The score distribution: events per risk point 0–100 by ground truth, overlaid on a logarithmic count
 * axis (normal events outnumber attacks a hundredfold), with the threshold marked.
 */
export function HistogramChart({ series, threshold, label }: { series: HistogramSeries[]; threshold: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: Array.from({ length: 101 }, (_, risk) => String(risk)), datasets: [] },
      plugins: [thresholdLine],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { grid: { display: false }, ticks: { color: seriesColors.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 11 }, title: { display: true, text: 'Risk', color: seriesColors.text } },
          // From 0.5, so a bin holding one event still shows; ticks only at whole powers of ten.
          y: {
            type: 'logarithmic',
            min: 0.5,
            grid: { color: seriesColors.grid },
            ticks: { color: seriesColors.text, callback: (value) => (Number(value) >= 1 && Number.isInteger(Math.log10(Number(value))) ? formatCount(Number(value)) : '') },
            title: { display: true, text: 'Events (log scale)', color: seriesColors.text },
          },
        },
        plugins: {
          legend: { position: 'top', align: 'end', labels: { boxWidth: 12, color: seriesColors.text } },
          tooltip: { callbacks: { title: (items) => `Risk ${items[0]?.label ?? ''}`, label: (item) => `${item.dataset.label}: ${formatCount(Number(item.raw))}` } },
        },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    // Overlaid, not stacked: on a log axis a stacked segment's length would not be its count.
    current.data.datasets = series.map((group) => ({ label: group.label, data: group.counts, backgroundColor: `${group.color}b3`, grouped: false, barPercentage: 1, categoryPercentage: 1 }));
    const plugins = current.options.plugins as Record<string, unknown>;
    plugins.vigilThreshold = { value: threshold };
    current.update();
  }, [series, threshold]);

  return (
    <div className="xy-chart histogram-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
