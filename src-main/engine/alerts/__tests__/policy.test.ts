import { describe, expect, it } from 'vitest';
import { defaultSettings, type AlertPolicy } from '../../../../src-shared/api/settings.js';
import { NotificationGate } from '../notification-gate.js';
import { isPolicyAlert } from '../policy.js';
import { inQuietHours, localMinutes } from '../quiet-hours.js';

const policy: AlertPolicy = defaultSettings.alertPolicy;
const bruteForce = { risk: 72, level: 'high' as const, user: 'alice', reasons: [{ rule: 'brute_force' }, { rule: 'new_device' }] };

describe('alert policy', () => {
  it('alerts at the challenge threshold and the minimum level (medium by default)', () => {
    expect(isPolicyAlert(policy, 40, bruteForce)).toBe(true);
    expect(isPolicyAlert(policy, 80, bruteForce)).toBe(false);
    expect(isPolicyAlert(policy, 40, { ...bruteForce, risk: 45, level: 'medium' })).toBe(true);
    expect(isPolicyAlert(policy, 30, { ...bruteForce, risk: 35, level: 'low' })).toBe(false);
    expect(isPolicyAlert({ ...policy, minimumLevel: 'critical' }, 40, bruteForce)).toBe(false);
  });

  it('keeps only listed rules and users when lists are given', () => {
    expect(isPolicyAlert({ ...policy, rules: ['brute_force'] }, 40, bruteForce)).toBe(true);
    expect(isPolicyAlert({ ...policy, rules: ['impossible_travel'] }, 40, bruteForce)).toBe(false);
    expect(isPolicyAlert({ ...policy, users: ['bob'] }, 40, bruteForce)).toBe(false);
    expect(isPolicyAlert({ ...policy, users: ['alice', 'bob'], rules: ['new_device'] }, 40, bruteForce)).toBe(true);
  });
});

describe('quiet hours', () => {
  it('reads local time in the zone, across midnight and daylight saving time', () => {
    expect(localMinutes(Date.UTC(2026, 0, 15, 21, 30), 'Europe/Oslo')).toBe(22 * 60 + 30);
    expect(localMinutes(Date.UTC(2026, 6, 15, 21, 30), 'Europe/Oslo')).toBe(23 * 60 + 30);
    const night = { from: '22:00', to: '07:00', timeZone: 'Europe/Oslo' };
    expect(inQuietHours(night, Date.UTC(2026, 0, 15, 21, 0))).toBe(true); // 22:00 in Oslo
    expect(inQuietHours(night, Date.UTC(2026, 0, 15, 5, 59))).toBe(true); // 06:59
    expect(inQuietHours(night, Date.UTC(2026, 0, 15, 6, 0))).toBe(false); // 07:00
    expect(inQuietHours(night, Date.UTC(2026, 0, 15, 12, 0))).toBe(false);
    const lunch = { from: '12:00', to: '13:00', timeZone: 'UTC' };
    expect(inQuietHours(lunch, Date.UTC(2026, 0, 15, 12, 30))).toBe(true);
    expect(inQuietHours(lunch, Date.UTC(2026, 0, 15, 13, 0))).toBe(false);
    expect(inQuietHours(null, Date.UTC(2026, 0, 15, 12, 30))).toBe(false);
  });
});

describe('notification gate', () => {
  it('notifies once per incident, again when its level rises, and never in quiet hours', () => {
    const gate = new NotificationGate();
    expect(gate.admit(7, 'medium', true)).toBe(false);
    expect(gate.admit(7, 'medium', false)).toBe(true);
    expect(gate.admit(7, 'medium', false)).toBe(false);
    expect(gate.admit(7, 'high', false)).toBe(true);
    expect(gate.admit(7, 'medium', false)).toBe(false);
    expect(gate.admit(8, 'medium', false)).toBe(true);
    expect(gate.admit(null, 'medium', false)).toBe(true);
  });
});
