import { describe, expect, it } from 'vitest';
import type { AlertPoint } from '../../../../src-shared/incidents/group-alerts.js';
import { summariseIncident } from '../../../../src-shared/incidents/summarise-incident.js';
import { IncidentTally } from '../incident-tally.js';

describe('IncidentTally', () => {
  it('summarises alerts counted one by one as summariseIncident does at once', () => {
    const alerts: AlertPoint[] = Array.from({ length: 60 }, (_, index) => ({
      eventId: index + 1,
      time: 1_000_000 + index * 30_000,
      user: `user${index % 7}`,
      ip: index % 5 === 0 ? null : `198.51.100.${index % 3}`,
      risk: 40 + ((index * 13) % 55),
      level: index === 41 ? 'critical' : index % 4 === 0 ? 'high' : 'medium',
      reasons: [{ rule: 'statistical_risk', severity: 0.99 }, ...(index % 3 === 0 ? [{ rule: 'password_spray', severity: 0.7 }, { rule: 'password_spray', severity: 0.2 }] : [])],
    }));
    const tally = new IncidentTally();
    for (const alert of alerts) tally.add(alert);
    expect(tally.summary()).toEqual(summariseIncident(alerts));
    expect(tally.has(60)).toBe(true);
    expect(tally.has(61)).toBe(false);
  });
});
