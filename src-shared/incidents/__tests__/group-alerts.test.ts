import { describe, expect, it } from 'vitest';
import { groupAlerts, type AlertPoint } from '../group-alerts.js';
import { incidentTitle, summariseIncident } from '../summarise-incident.js';

const minute = 60_000;
const gap = 30 * minute;

function alert(time: number, user: string, ip: string | null, rules: string[] = ['brute_force'], risk = 80): AlertPoint {
  return { eventId: time, time, user, ip, risk, level: risk >= 85 ? 'critical' : 'high', reasons: rules.map((rule) => ({ rule, severity: 0.5 })) };
}

describe('grouping alerts into incidents', () => {
  it('makes a brute-force burst on one account one incident', () => {
    const burst = Array.from({ length: 50 }, (_, index) => alert(index * 20_000, 'alice', `203.0.113.${index % 5}`));
    expect(groupAlerts(burst, gap)).toEqual([burst.map((_, index) => index)]);
  });

  it('joins a spray from one address across many users, and chains by user or address', () => {
    const alerts = [
      alert(0, 'alice', '198.51.100.9'),
      alert(1 * minute, 'bob', '198.51.100.9'),
      alert(2 * minute, 'carol', '198.51.100.9'),
      // carol again from elsewhere: joined through carol
      alert(20 * minute, 'carol', '192.0.2.4'),
      // unrelated user and address at the same time: its own incident
      alert(21 * minute, 'dave', '192.0.2.200'),
    ];
    expect(groupAlerts(alerts, gap)).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('starts a new incident after a quiet gap, and never links unknown addresses', () => {
    const alerts = [alert(0, 'alice', null), alert(10 * minute, 'bob', null), alert(10 * minute + gap + 1, 'alice', null), alert(10 * minute + gap + 2, 'alice', null)];
    expect(groupAlerts(alerts, gap)).toEqual([[0], [1], [2, 3]]);
  });

  it('summarises who, where, why and how bad, with a readable title', () => {
    const alerts = [
      alert(0, 'alice', '198.51.100.9', ['password_spray']),
      alert(minute, 'bob', '198.51.100.9', ['password_spray', 'new_country'], 91),
      alert(2 * minute, 'alice', '198.51.100.9', ['password_spray']),
    ];
    const summary = summariseIncident(alerts);
    expect(summary).toMatchObject({ level: 'critical', maxRisk: 91, firstTime: 0, lastTime: 2 * minute, alerts: 3, users: ['alice', 'bob'], userCount: 2, ips: ['198.51.100.9'], ipCount: 1 });
    expect(summary.rules).toEqual(['password_spray', 'new_country']);
    expect(summary.title).toBe('Password spray: 2 users from 198.51.100.9');
    expect(incidentTitle(null, ['alice'], [])).toBe('High risk: alice from an unknown address');
  });

  it('names an incident by the rule that weighed most, not the one mentioned most', () => {
    const burst = Array.from({ length: 10 }, (_, index) => ({
      ...alert(index * minute, 'alice', '203.0.113.7'),
      reasons: [
        { rule: 'unfamiliar_failure', severity: 0.4 },
        ...(index > 2 ? [{ rule: 'brute_force', severity: 0.9 }] : []),
      ],
    }));
    expect(summariseIncident(burst)).toMatchObject({ title: 'Brute force: alice from 203.0.113.7', rules: ['brute_force', 'unfamiliar_failure'] });
    // A model's opinion names the incident only when no rule fired.
    const outlier = { ...alert(0, 'bob', '192.0.2.9'), reasons: [{ rule: 'autoencoder', severity: 1 }, { rule: 'new_device', severity: 0.3 }] };
    expect(summariseIncident([outlier]).title).toBe('New device: bob from 192.0.2.9');
    expect(summariseIncident([{ ...outlier, reasons: [{ rule: 'isolation_forest', severity: 1 }] }]).title).toBe('Outlier (isolation forest): bob from 192.0.2.9');
  });
});
