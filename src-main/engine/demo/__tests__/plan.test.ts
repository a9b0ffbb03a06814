import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareHistory } from '../history.js';
import { planDemo } from '../plan.js';
import { demoScenarioNames } from '../scenarios.js';

const population = { users: 40, days: 14, seed: 3, historyEnd: Date.UTC(2026, 10, 20) };
const now = Date.UTC(2026, 10, 20, 14, 0);

interface HistoryLine {
  user: string;
  ip: string;
  asn: number;
  user_agent: string;
  outcome: string;
}

describe('planDemo', () => {
  it('is the same for the same population and moment', () => {
    expect(planDemo(population, demoScenarioNames, now)).toEqual(planDemo(population, demoScenarioNames, now));
  });

  it('plays background logins the history holds, and attacks with what the victims never used', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-demo-plan-')), 'history.jsonl');
    const summary = await prepareHistory(population, path);
    expect(summary).toMatchObject({ users: 40, days: 14, start: '2026-11-06T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z' });
    const history = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as HistoryLine);
    const pairs = new Set(history.map((line) => `${line.user}|${line.ip}|${line.user_agent}`));
    const agents = (user: string): Set<string> => new Set(history.filter((line) => line.user === user).map((line) => line.user_agent));
    const providers = (user: string): Set<number> => new Set(history.filter((line) => line.user === user).map((line) => line.asn));

    const plan = planDemo(population, demoScenarioNames, now);
    const background = plan.items.filter((item) => item.scenario === null);
    expect(background.length).toBeGreaterThan(100);
    expect(background.filter((item) => !pairs.has(`${item.login.user}|${item.login.ip}|${item.login.userAgent}`))).toEqual([]);

    const steps = (scenario: string) => plan.items.filter((item) => item.scenario === scenario).map((item) => item.login);
    const bruteForce = steps('brute-force-takeover');
    expect(bruteForce.map((login) => login.success)).toEqual([...Array<boolean>(30).fill(false), true]);
    expect(new Set(bruteForce.map((login) => `${login.user} ${login.ip}`)).size).toBe(1);
    expect(agents(bruteForce[0].user).has(bruteForce[0].userAgent as string)).toBe(false);

    const spray = steps('password-spray');
    expect(spray.every((login) => login.via === 'sshd' && login.ip === spray[0].ip)).toBe(true);
    expect(new Set(spray.map((login) => login.user)).size).toBe(20);

    const stuffing = steps('credential-stuffing');
    expect(new Set(stuffing.map((login) => login.ip)).size).toBeGreaterThanOrEqual(20);
    expect(stuffing.filter((login) => login.success)).toHaveLength(1);

    const [own, far] = steps('impossible-travel');
    expect(pairs.has(`${own.user}|${own.ip}|${own.userAgent}`)).toBe(true);
    expect(far.user).toBe(own.user);
    expect(far.country).not.toBe(own.country);
    expect(agents(far.user).has(far.userAgent as string)).toBe(false);

    const night = steps('new-device-night');
    expect(night.map((login) => login.success)).toEqual([false, true]);
    expect(agents(night[1].user).has(night[1].userAgent as string)).toBe(false);
    expect(providers(night[1].user).has(night[1].asn as number)).toBe(false);

    // Every attack has its own victim, and none of them is in the background.
    const victims = [bruteForce[0].user, own.user, night[0].user];
    expect(new Set(victims).size).toBe(3);
    expect(background.filter((item) => victims.includes(item.login.user))).toEqual([]);
  });
});
