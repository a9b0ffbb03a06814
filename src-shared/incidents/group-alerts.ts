import type { RiskLevel } from '../api/detection.js';

/** An alert as grouping sees it: who, from where, when, how risky, and why. */
export interface AlertPoint {
  eventId: number;
  time: number;
  user: string;
  ip: string | null;
  risk: number;
  level: RiskLevel;
  /** Rules and models behind the score, with how strongly each counted (0–1). */
  reasons: { rule: string; severity: number }[];
}

/**
 * Group alerts into incidents: an alert joins the incident of the previous alert of the same user, and of
 * the previous alert from the same address, when that one is at most `gapMs` earlier. Chains of such links
 * are one incident, so a brute-force burst on one account, or a spray from one address across many
 * accounts, becomes one incident rather than hundreds. `alerts` must be in time order; the answer lists
 * each incident's alert indices in time order, incidents ordered by their first alert.
 */
export function groupAlerts(alerts: readonly AlertPoint[], gapMs: number): number[][] {
  const parent = new Int32Array(alerts.length);
  for (let index = 0; index < alerts.length; index++) parent[index] = index;
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      // Path halving keeps the trees flat, so each lookup is nearly constant time.
      parent[current] = parent[parent[current]];
      current = parent[current];
    }
    return current;
  };
  const join = (left: number, right: number): void => {
    const a = root(left);
    const b = root(right);
    // The earlier alert's root wins, so a group's root is its first alert.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const lastByUser = new Map<string, number>();
  const lastByIp = new Map<string, number>();
  alerts.forEach((alert, index) => {
    const previousOfUser = lastByUser.get(alert.user);
    if (previousOfUser !== undefined && alert.time - alerts[previousOfUser].time <= gapMs) join(previousOfUser, index);
    lastByUser.set(alert.user, index);
    if (alert.ip !== null) {
      const previousOfIp = lastByIp.get(alert.ip);
      if (previousOfIp !== undefined && alert.time - alerts[previousOfIp].time <= gapMs) join(previousOfIp, index);
      lastByIp.set(alert.ip, index);
    }
  });
  const groups = new Map<number, number[]>();
  for (let index = 0; index < alerts.length; index++) {
    const key = root(index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  // Map keeps insertion order, and a group is inserted at its first alert: incidents come in time order.
  return [...groups.values()];
}
