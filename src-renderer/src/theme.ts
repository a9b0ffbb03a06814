import type { RiskLevel } from '../../src-shared/api';

/** Risk colours, defined once: CSS reads them as --risk-<level>, charts read them from here. */
export const riskColors: Record<RiskLevel, string> = {
  low: '#2da44e',
  medium: '#d4a72c',
  high: '#e16f24',
  critical: '#cf222e',
};

/** Series colours of the charts: successful and failed logins. */
export const seriesColors = {
  success: '#4c6ef5',
  failure: '#c2255c',
  /** The alerts series: ink, so its markers can carry the risk colours. */
  alerts: '#1f2430',
  grid: '#e3e6eb',
  text: '#4a5260',
} as const;

/** Colours of the evaluation charts: ground truth, curves and their chance line. */
export const evaluationColors = {
  normal: '#4c6ef5',
  attack: '#c2255c',
  unlabelled: '#868e96',
  curve: '#3b5bdb',
  chance: '#adb5bd',
  threshold: '#1f2430',
} as const;

/** Colours of the login-places map: muted land under the points, ink for the moves between places. */
export const mapColors = {
  sea: '#f3f6fa',
  graticule: '#e3e8ef',
  land: '#e2e6ec',
  coast: '#b9c1cc',
  border: '#ffffff',
  place: 'rgba(76, 110, 245, 0.6)',
  placeEdge: '#2f4ac0',
  travel: '#3d4452',
  label: '#1f2430',
  halo: '#ffffff',
} as const;

/** Publish the colours as CSS custom properties (through CSSOM, which the CSP allows). */
export function applyTheme(root: HTMLElement = document.documentElement): void {
  for (const [level, color] of Object.entries(riskColors)) root.style.setProperty(`--risk-${level}`, color);
  root.style.setProperty('--series-success', seriesColors.success);
  root.style.setProperty('--series-failure', seriesColors.failure);
}
