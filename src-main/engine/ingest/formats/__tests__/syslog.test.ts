import { describe, expect, it } from 'vitest';
import type { LoginEventInput } from '../../../../../src-shared/event.js';
import type { ParseOptions, ParseOutcome } from '../../parser.js';
import { createParser } from '../index.js';

const utc: ParseOptions = { timeZone: 'UTC', year: 2026, mapping: {} };

function run(lines: string[], options = utc, format: 'authlog' | 'syslog' | 'journal' = 'authlog'): ParseOutcome[] {
  const parser = createParser(format, options);
  return lines.map((line, index) => parser.parse(line, index + 1));
}

function events(lines: string[], options = utc, format: 'authlog' | 'syslog' | 'journal' = 'authlog'): LoginEventInput[] {
  return run(lines, options, format).flatMap((outcome) => (outcome.kind === 'events' ? outcome.events : []));
}

const summary = (event: LoginEventInput): string => `${event.outcome} ${event.user}@${event.ip ?? '-'} ${event.authMethod ?? '-'} ${event.service}`;

describe('classic syslog time', () => {
  it('rolls the year over when the months wrap, and says so', () => {
    const parser = createParser('authlog', utc);
    const lines = [
      'Dec 31 23:59:58 gw sshd[1]: Failed password for root from 192.0.2.1 port 1 ssh2',
      'Dec 30 10:00:00 gw sshd[2]: Failed password for root from 192.0.2.1 port 1 ssh2', // slightly out of order: same year
      'Jan  1 00:00:01 gw sshd[3]: Failed password for root from 192.0.2.1 port 1 ssh2',
    ];
    const times = lines.map((line, index) => {
      const outcome = parser.parse(line, index + 1);
      return outcome.kind === 'events' ? outcome.events[0].time : Number.NaN;
    });
    expect(times).toEqual([Date.UTC(2026, 11, 31, 23, 59, 58), Date.UTC(2026, 11, 30, 10), Date.UTC(2027, 0, 1, 0, 0, 1)]);
    expect(parser.assumptions()).toEqual(['year rolled over to 2027 at line 3 (Dec → Jan)']);
  });

  it('reads wall clock in the given zone, across DST', () => {
    const oslo = { ...utc, timeZone: 'Europe/Oslo' };
    const accepted = (stamp: string, pid: number): string => `${stamp} gw sshd[${pid}]: Accepted password for alice from 192.0.2.1 port 1 ssh2`;
    const times = events([accepted('Jan 15 12:00:00', 1), accepted('Mar 29 02:30:00', 2), accepted('Jul 15 12:00:00', 3), accepted('Oct 25 02:30:00', 4)], oslo).map((event) => event.time);
    expect(times).toEqual([
      Date.parse('2026-01-15T11:00:00Z'),
      Date.parse('2026-03-29T01:30:00Z'), // 02:30 does not exist that night: 03:30 CEST
      Date.parse('2026-07-15T10:00:00Z'),
      Date.parse('2026-10-25T00:30:00Z'), // 02:30 happens twice: the earlier, CEST
    ]);
  });

  it('rejects a date that does not exist in the year, and lines that are not syslog', () => {
    const [leap, junk, empty] = run(['Feb 29 10:00:00 gw sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2', 'hello world', 'Foo 12 10:00:00 x y: z']);
    expect(leap).toEqual({ kind: 'reject', reason: "unparseable time 'Feb 29 10:00:00' in year 2026" });
    expect(junk).toEqual({ kind: 'reject', reason: 'not a syslog line' });
    expect(empty).toEqual({ kind: 'reject', reason: 'not a syslog line' });
  });

  it('reads rsyslog ISO timestamps with fraction and zone', () => {
    const [event] = events(['2024-03-01T10:00:00.123456+01:00 gw sshd[7]: Accepted publickey for alice from 2001:DB8::1 port 5 ssh2: ED25519 SHA256:abc']);
    expect(event).toMatchObject({ time: Date.parse('2024-03-01T09:00:00.123Z'), user: 'alice', ip: '2001:db8::1', authMethod: 'publickey', host: 'gw' });
  });
});

describe('syslog with <PRI>', () => {
  it('reads RFC 5424 with fractional seconds, zone, structured data and BOM', () => {
    const line = '<38>1 2019-07-08T17:40:16.954167-04:00 host.example.com sshd 57915 - [meta x="a \\] b"][y@1 z="1"] \uFEFFFailed password for root from 192.0.2.1 port 59197 ssh2';
    expect(events([line], utc, 'syslog')).toEqual([
      expect.objectContaining({ time: Date.parse('2019-07-08T21:40:16.954Z'), host: 'host.example.com', user: 'root', ip: '192.0.2.1', outcome: 'failure' }),
    ]);
  });

  it('reads RFC 3164 behind a priority, and rejects a nil timestamp', () => {
    const [classic, nil] = run(['<86>Mar  1 10:00:00 gw sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls', '<38>1 - host sshd 1 - - Accepted password for a from 192.0.2.1 port 1 ssh2'], utc, 'syslog');
    expect(classic).toEqual({ kind: 'events', events: [expect.objectContaining({ user: 'alice', outcome: 'success', authMethod: 'sudo', service: 'sudo', time: Date.UTC(2026, 2, 1, 10) })] });
    expect(nil).toEqual({ kind: 'reject', reason: 'syslog line without timestamp' });
  });
});

describe('the journal export', () => {
  const entry = (fields: Record<string, unknown>): string => JSON.stringify({ __REALTIME_TIMESTAMP: '1709287200123456', _HOSTNAME: 'gw', SYSLOG_IDENTIFIER: 'sshd', _PID: '42', ...fields });

  it('decodes MESSAGE given as an array of bytes', () => {
    const bytes = [...Buffer.from('Failed password for bjørn from 192.0.2.9 port 22 ssh2', 'utf8')];
    expect(events([entry({ MESSAGE: bytes })], utc, 'journal')).toEqual([
      expect.objectContaining({ time: 1_709_287_200_123, user: 'bjørn', ip: '192.0.2.9', host: 'gw', outcome: 'failure', service: 'sshd' }),
    ]);
  });

  it('uses _COMM without SYSLOG_IDENTIFIER, ignores entries without a message, rejects the rest', () => {
    const [comm, silent, array, noTime] = run(
      [entry({ SYSLOG_IDENTIFIER: undefined, _COMM: 'sshd', MESSAGE: 'Accepted password for root from 192.0.2.1 port 1 ssh2' }), entry({}), '[1]', JSON.stringify({ MESSAGE: 'x' })],
      utc,
      'journal',
    );
    expect(comm).toMatchObject({ kind: 'events', events: [{ user: 'root', outcome: 'success' }] });
    expect(silent).toEqual({ kind: 'ignored' });
    expect(array).toEqual({ kind: 'reject', reason: 'a JSON line must be an object, not an array' });
    expect(noTime).toEqual({ kind: 'reject', reason: 'missing __REALTIME_TIMESTAMP' });
  });
});

describe('counting each attempt once', () => {
  it('counts a PAM error and its Failed keyboard-interactive line as one attempt', () => {
    const found = events([
      'Mar  1 10:00:00 gw sshd[5]: error: PAM: Authentication failure for alice from 192.0.2.1',
      'Mar  1 10:00:00 gw sshd[5]: Failed keyboard-interactive/pam for alice from 192.0.2.1 port 4 ssh2',
      'Mar  1 10:00:02 gw sshd[5]: Failed keyboard-interactive/pam for alice from 192.0.2.1 port 4 ssh2',
    ]);
    expect(found.map(summary)).toEqual(['failure alice@192.0.2.1 keyboard-interactive sshd', 'failure alice@192.0.2.1 keyboard-interactive sshd']);
  });

  it('counts an invalid user once: by its attempts, or at the end of a connection without any', () => {
    const withAttempt = events([
      'Mar  1 10:00:00 gw sshd[6]: Invalid user admin from 192.0.2.2 port 1',
      'Mar  1 10:00:00 gw sshd[6]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.2',
      'Mar  1 10:00:01 gw sshd[6]: Failed password for invalid user admin from 192.0.2.2 port 1 ssh2',
      'Mar  1 10:00:02 gw sshd[6]: Connection closed by invalid user admin 192.0.2.2 port 1 [preauth]',
    ]);
    expect(withAttempt.map(summary)).toEqual(['failure admin@192.0.2.2 password sshd']);
    const probeOnly = run(['Mar  1 10:00:00 gw sshd[7]: Invalid user oracle from 192.0.2.3 port 1', 'Mar  1 10:00:03 gw sshd[7]: Received disconnect from 192.0.2.3 port 1:11: Bye Bye [preauth]']);
    expect(probeOnly[0]).toEqual({ kind: 'ignored' });
    expect(probeOnly[1]).toEqual({ kind: 'events', events: [expect.objectContaining({ user: 'oracle', ip: '192.0.2.3', outcome: 'failure', time: Date.UTC(2026, 2, 1, 10, 0, 3) })] });
  });

  it('does not count the keys a client offers before the accepted one, but counts a connection that found none', () => {
    expect(
      events([
        'Mar  1 10:00:00 gw sshd[8]: Failed publickey for git from 192.0.2.4 port 1 ssh2: RSA SHA256:a',
        'Mar  1 10:00:00 gw sshd[8]: Accepted publickey for git from 192.0.2.4 port 1 ssh2: ED25519 SHA256:b',
        'Mar  1 10:00:00 gw sshd[8]: pam_unix(sshd:session): session opened for user git(uid=1000) by (uid=0)',
      ]).map(summary),
    ).toEqual(['success git@192.0.2.4 publickey sshd']);
    expect(
      events([
        'Mar  1 10:00:00 gw sshd[9]: Failed publickey for git from 192.0.2.5 port 1 ssh2: RSA SHA256:a',
        'Mar  1 10:00:00 gw sshd[9]: Failed publickey for git from 192.0.2.5 port 1 ssh2: RSA SHA256:c',
        'Mar  1 10:00:01 gw sshd[9]: Connection closed by authenticating user git 192.0.2.5 port 1 [preauth]',
      ]).map(summary),
    ).toEqual(['failure git@192.0.2.5 publickey sshd']);
  });

  it('expands "message repeated N times" into N attempts', () => {
    expect(events(['Mar  1 10:00:00 gw sshd[10]: message repeated 3 times: [ Failed password for root from ::ffff:192.0.2.6 port 1 ssh2]']).map(summary)).toEqual(
      Array(3).fill('failure root@192.0.2.6 password sshd'),
    );
  });

  it('keeps a remote host name out of ip', () => {
    expect(events(['Mar  1 10:00:00 gw sshd[11]: Failed password for bob from scanner.example.com port 1 ssh2'])[0]).toMatchObject({ ip: null, user: 'bob' });
  });

  it('counts sudo commands as successes and sudo PAM failures as failures, not sudo summaries', () => {
    const found = events([
      'Mar  1 10:00:00 gw sudo: pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=alice',
      'Mar  1 10:00:05 gw sudo:    alice : 1 incorrect password attempt ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls',
      'Mar  1 10:00:09 gw sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id',
      'Mar  1 10:00:09 gw sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)',
      'Mar  1 10:00:10 gw CRON[12]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
    ]);
    expect(found.map(summary)).toEqual(['failure alice@- sudo sudo', 'success alice@- sudo sudo']);
  });

  it('counts one su success and one su failure per su process whichever lines say it', () => {
    const found = events([
      'Mar  1 10:00:00 gw su[20]: Successful su for root by alice',
      'Mar  1 10:00:00 gw su[20]: + pts/0 alice:root',
      'Mar  1 10:00:00 gw su[20]: pam_unix(su:session): session opened for user root by alice(uid=1000)',
      'Mar  1 10:01:00 gw su[21]: pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=root',
      'Mar  1 10:01:02 gw su[21]: FAILED SU (to root) alice on pts/0',
      'Mar  1 10:02:00 gw su[22]: (to postgres) alice on pts/0',
    ]);
    expect(found.map(summary)).toEqual(['success root@- su su', 'failure root@- su su', 'success postgres@- su su']);
  });

  it('counts a dovecot successful login', () => {
    expect(events(['Mar  1 10:00:00 mx dovecot: imap-login: Login: user=<alice>, method=PLAIN, rip=192.0.2.7, lip=192.0.2.1, mpid=1, TLS']).map(summary)).toEqual(['success alice@192.0.2.7 plain imap']);
  });
});
