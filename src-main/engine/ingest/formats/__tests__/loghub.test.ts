/**
 * loghub's OpenSSH_2k and Linux_2k logs against their structured CSVs (the parsed fields of every line).
 * Year 2026 and UTC are the options given: the logs carry neither.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoginEventInput } from '../../../../../src-shared/event.js';
import { splitTag } from '../auth-source.js';
import { splitCsvLine } from '../csv-fields.js';
import { createParser } from '../index.js';
import { createSyslogClock, parseClassicSyslog } from '../syslog-header.js';
import { monthFromAbbreviation } from '../time.js';

const year = 2026;
const options = { timeZone: 'UTC', year, mapping: {} };

/** The log's lines as the importer hands them over ('\r' stripped). */
function logLines(name: string): string[] {
  return readFileSync(resolve(`../shared/data/loghub/${name}`), 'utf8').split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
}

function structured(name: string): Record<string, string>[] {
  const text = readFileSync(resolve(`../shared/data/loghub/${name}_structured.csv`), 'utf8');
  const [header, ...rows] = text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
  const columns = splitCsvLine(header) as string[];
  return rows.map((row) => {
    const fields = splitCsvLine(row);
    if (!Array.isArray(fields)) throw new Error(`bad ground-truth row ${row}`);
    return Object.fromEntries(columns.map((column, index) => [column, fields[index]]));
  });
}

function utc(month: string, day: string, time: string): number {
  const [hour, minute, second] = time.split(':').map(Number);
  return Date.UTC(year, monthFromAbbreviation(month, 0) - 1, Number(day), hour, minute, second);
}

/** Parse every line with one parser: the events of each line (empty when ignored), rejects fail. */
function eventsPerLine(name: string): LoginEventInput[][] {
  const parser = createParser('authlog', options);
  return logLines(name).map((text, index) => {
    const outcome = parser.parse(text, index + 1);
    if (outcome.kind === 'reject') throw new Error(`line ${index + 1} rejected: ${outcome.reason}`);
    return outcome.kind === 'events' ? outcome.events : [];
  });
}

describe('loghub OpenSSH_2k.log', () => {
  const lines = logLines('OpenSSH_2k.log');
  const truth = structured('OpenSSH_2k.log');
  const events = eventsPerLine('OpenSSH_2k.log');

  it('splits every line into the time, host, pid and message of the ground truth', () => {
    expect(lines).toHaveLength(2000);
    expect(truth).toHaveLength(2000);
    const clock = createSyslogClock(year, 'UTC');
    lines.forEach((text, index) => {
      const row = truth[index];
      const record = parseClassicSyslog(text, 0, clock, index + 1);
      if ('reason' in record) throw new Error(`line ${index + 1}: ${record.reason}`);
      const source = splitTag(record.tag, record.host, record.message);
      expect({ time: record.time, host: record.host, program: source.program, pid: source.pid, message: record.message.trim() }).toEqual({
        time: utc(row.Date, row.Day, row.Time),
        host: row.Component,
        program: 'sshd',
        pid: row.Pid,
        message: row.Content.trim(),
      });
    });
  });

  // One event per credential tried. pam_unix(sshd:auth) failures describe the same attempts as the
  // Failed lines; Invalid user / input_userauth_request / Failed none only name the user of a
  // connection, which counts once at its end when no attempt of it was counted (3 such connections).
  const counted: Record<string, { lines: number; events: number }> = {
    'Failed password for <*> from <*> port <*> ssh2': { lines: 383, events: 383 },
    'Failed password for invalid user <*> from <*> port <*> ssh2': { lines: 135, events: 135 },
    'Accepted password for <*> from <*> port <*> ssh2': { lines: 1, events: 1 },
    'message repeated <*> times: [ Failed password for root from <*> port <*>]': { lines: 2, events: 10 },
  };
  const declarations = ['Invalid user <*> from <*>', 'input_userauth_request: invalid user <*> [preauth]', 'Failed none for invalid user <*> from <*> port <*> ssh2'];
  const pamFailure = /^pam_unix\(sshd:auth\): authentication failure;/;
  const closers = /^(Received disconnect from|Connection closed by|error: Received disconnect from)/;

  /** Line indexes where a connection that named a user but counted nothing ends. */
  function connectionEnds(): Set<number> {
    const ends = new Set<number>();
    const byPid = new Map<string, number[]>();
    truth.forEach((row, index) => byPid.set(row.Pid, [...(byPid.get(row.Pid) ?? []), index]));
    for (const indexes of byPid.values()) {
      const templates = indexes.map((index) => truth[index].EventTemplate);
      if (templates.some((template) => template in counted)) continue;
      const named = indexes.findIndex((index) => declarations.includes(truth[index].EventTemplate) || pamFailure.test(truth[index].EventTemplate));
      if (named < 0) continue;
      const end = indexes.slice(named).find((index) => closers.test(truth[index].Content));
      if (end !== undefined) ends.add(end);
    }
    return ends;
  }

  it('turns exactly the attempt lines into events, with the counts per template', () => {
    const ends = connectionEnds();
    expect(ends.size).toBe(3);
    const seen: Record<string, { lines: number; events: number }> = {};
    events.forEach((found, index) => {
      const template = truth[index].EventTemplate;
      const expected = template in counted || ends.has(index);
      expect({ line: index + 1, template, hasEvents: found.length > 0 }).toEqual({ line: index + 1, template, hasEvents: expected });
      if (found.length === 0) return;
      const key = ends.has(index) ? 'connection end' : template;
      seen[key] = { lines: (seen[key]?.lines ?? 0) + 1, events: (seen[key]?.events ?? 0) + found.length };
      for (const event of found) {
        expect(event.time).toBe(utc(truth[index].Date, truth[index].Day, truth[index].Time));
        expect(event.host).toBe('LabSZ');
        expect(event.service).toBe('sshd');
      }
    });
    expect(seen).toEqual({ ...counted, 'connection end': { lines: 3, events: 3 } });
  });

  it('reads the users and addresses of failures, invalid users and the repeated lines', () => {
    const all = events.flat();
    expect(all.filter((event) => event.outcome === 'failure')).toHaveLength(531);
    expect(all.every((event) => event.ip !== null && /^\d+\.\d+\.\d+\.\d+$/.test(event.ip))).toBe(true);
    const repeated = events[lines.findIndex((line) => line.includes('message repeated 5 times: [ Failed password for root from 5.36.59.76'))];
    expect(repeated).toHaveLength(5);
    expect(repeated[0]).toMatchObject({ user: 'root', ip: '5.36.59.76', outcome: 'failure', authMethod: 'password' });
    const webmaster = events[lines.findIndex((line) => line.includes('Failed password for invalid user webmaster from 173.234.31.186'))];
    expect(webmaster).toEqual([expect.objectContaining({ user: 'webmaster', ip: '173.234.31.186', outcome: 'failure' })]);
  });

  it('finds the one accepted password', () => {
    const accepted = events.flat().filter((event) => event.outcome === 'success');
    expect(accepted).toEqual([
      expect.objectContaining({ user: 'fztu', ip: '119.137.62.142', time: Date.UTC(year, 11, 10, 9, 32, 20), authMethod: 'password', service: 'sshd', host: 'LabSZ' }),
    ]);
  });
});

describe('loghub Linux_2k.log', () => {
  const lines = logLines('Linux_2k.log');
  const truth = structured('Linux_2k.log');
  const events = eventsPerLine('Linux_2k.log');

  it('splits every line into the time, host, tag, pid and message of the ground truth', () => {
    expect(lines).toHaveLength(2000);
    const clock = createSyslogClock(year, 'UTC');
    lines.forEach((text, index) => {
      const row = truth[index];
      const record = parseClassicSyslog(text, 0, clock, index + 1);
      if ('reason' in record) throw new Error(`line ${index + 1}: ${record.reason}`);
      const pid = /\[(\d+)\]$/.exec(record.tag)?.[1] ?? '';
      expect({ time: record.time, host: record.host, tag: record.tag.replace(/\[\d+\]$/, ''), pid, message: record.message.trim() }).toEqual({
        time: utc(row.Month, row.Date, row.Time),
        host: row.Level,
        tag: row.Component,
        pid: row.PID,
        message: row.Content.trim(),
      });
    });
  });

  // The legacy `X(pam_unix)` lines are this file's only record of logins (sshd's own went to secure).
  const counted: Record<string, { outcome: string; service: string }> = {
    'sshd(pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*>  user=root': { outcome: 'failure', service: 'sshd' },
    'sshd(pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*>': { outcome: 'failure', service: 'sshd' },
    'sshd(pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*>  user=guest': { outcome: 'failure', service: 'sshd' },
    'sshd(pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=<*>  user=test': { outcome: 'failure', service: 'sshd' },
    'sshd(pam_unix) session opened for user <*> by (uid=<*>)': { outcome: 'success', service: 'sshd' },
    'su(pam_unix) session opened for user <*> by (uid=<*>)': { outcome: 'success', service: 'su' },
    'login(pam_unix) session opened for user <*> by LOGIN(uid=<*>)': { outcome: 'success', service: 'login' },
    'gdm(pam_unix) authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost=': { outcome: 'failure', service: 'gdm' },
  };

  it('turns exactly the PAM authentication failures and login sessions into one event each', () => {
    const perTemplate: Record<string, number> = {};
    events.forEach((found, index) => {
      const row = truth[index];
      const key = `${row.Component} ${row.EventTemplate}`;
      const expected = counted[key];
      expect({ line: index + 1, key, events: found.length }).toEqual({ line: index + 1, key, events: expected ? 1 : 0 });
      if (!expected) return;
      perTemplate[key] = (perTemplate[key] ?? 0) + 1;
      expect(found[0]).toMatchObject({ outcome: expected.outcome, service: expected.service, host: 'combo', time: utc(row.Month, row.Date, row.Time) });
    });
    expect(perTemplate).toEqual({
      [Object.keys(counted)[0]]: 351,
      [Object.keys(counted)[1]]: 117,
      [Object.keys(counted)[2]]: 17,
      [Object.keys(counted)[3]]: 4,
      [Object.keys(counted)[4]]: 36,
      [Object.keys(counted)[5]]: 86,
      [Object.keys(counted)[6]]: 1,
      [Object.keys(counted)[7]]: 1,
    });
    expect(events.flat()).toHaveLength(613);
  });

  it('reads rhost and user of the PAM failures, and the su target', () => {
    const first = events[0][0];
    expect(first).toMatchObject({ user: 'unknown', ip: '218.188.2.4', outcome: 'failure', authMethod: 'password' });
    const withUser = events.flat().find((event) => event.user === 'guest');
    expect(withUser).toMatchObject({ outcome: 'failure', service: 'sshd' });
    expect(withUser?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const su = events[lines.findIndex((line) => line.includes('su(pam_unix)[30999]: session opened for user cyrus'))];
    expect(su).toEqual([expect.objectContaining({ user: 'cyrus', outcome: 'success', service: 'su', authMethod: 'su', ip: null })]);
  });

  it('ignores ftpd, klogind, kernel and the rest', () => {
    lines.forEach((text, index) => {
      if (/ (ftpd|klogind|kernel|logrotate|cups)[[:]/.test(text)) expect(events[index]).toEqual([]);
    });
  });
});
