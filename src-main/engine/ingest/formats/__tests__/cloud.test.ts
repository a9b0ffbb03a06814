import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../store/database.js';
import { listRejects } from '../../../store/rejects.js';
import { detectFormat } from '../../detect-format.js';
import { importFile } from '../../importer.js';
import { createCloudParser } from '../cloud.js';

// Records shaped as each provider documents its export (values made up, documentation addresses).
const entraGraph = {
  id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
  createdDateTime: '2026-03-02T07:41:12Z',
  userPrincipalName: 'Alice@Contoso.com',
  appDisplayName: 'Office 365 Exchange Online',
  ipAddress: '203.0.113.7',
  clientAppUsed: 'Browser',
  status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
  deviceDetail: { operatingSystem: 'Windows 10', browser: 'Edge 122.0.0' },
  location: { city: 'Oslo', state: 'Oslo', countryOrRegion: 'NO', geoCoordinates: { latitude: 59.91, longitude: 10.75 } },
  authenticationDetails: [{ authenticationMethod: 'Password', succeeded: false }],
};
const entraAnalytics = {
  TimeGenerated: '2026-03-02T07:42:00.1234567Z',
  UserPrincipalName: 'alice@contoso.com',
  ResultType: '0',
  IPAddress: '203.0.113.7',
  AppDisplayName: 'Azure Portal',
  LocationDetails: { city: 'Oslo', state: 'Oslo', countryOrRegion: 'NO' },
  DeviceDetail: { operatingSystem: 'Windows 10', browser: 'Edge 122.0.0' },
  UserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36 Edg/122.0',
};
const okta = (eventType: string, result: string, time: string) => ({
  uuid: `uuid-${time}`,
  published: time,
  eventType,
  actor: { id: '00u1', type: 'User', alternateId: 'Bob@Example.com', displayName: 'Bob' },
  client: {
    ipAddress: '198.51.100.23',
    userAgent: { rawUserAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 Version/17.3 Safari/605.1.15' },
    geographicalContext: { city: 'Chicago', state: 'Illinois', country: 'United States', geolocation: { lat: 41.85, lon: -87.65 } },
  },
  outcome: { result },
  securityContext: { asNumber: 7018 },
  authenticationContext: { credentialType: 'PASSWORD' },
});
const consoleLogin = (user: string, result: string, time: string) => ({
  eventVersion: '1.08',
  userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
  eventTime: time,
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  sourceIPAddress: '192.0.2.44',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0',
  responseElements: { ConsoleLogin: result },
  additionalEventData: { MFAUsed: 'No' },
  recipientAccountId: '111122223333',
});
const describeInstances = { eventTime: '2026-03-02T08:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', userIdentity: { type: 'IAMUser', userName: 'carol' } };
const googleLogin = (name: string) => ({
  kind: 'admin#reports#activity',
  id: { time: '2026-03-02T09:15:30.000Z', applicationName: 'login', customerId: 'C01abc' },
  actor: { email: 'Dana@Example.org', profileId: '1234' },
  ipAddress: '2001:db8::17',
  events: [{ type: 'login', name, parameters: [{ name: 'login_type', value: 'google_password' }] }],
});

function parseLine(value: unknown) {
  return createCloudParser().parse(JSON.stringify(value), 1);
}

describe('cloud sign-in exports', () => {
  it('reads an Entra ID sign-in from the Graph export and from Log Analytics, error code 0 as success', () => {
    expect(parseLine(entraGraph)).toEqual({
      kind: 'events',
      events: [
        expect.objectContaining({
          time: Date.UTC(2026, 2, 2, 7, 41, 12),
          user: 'alice@contoso.com',
          outcome: 'failure',
          ip: '203.0.113.7',
          country: 'NO',
          city: 'Oslo',
          latitude: 59.91,
          longitude: 10.75,
          browser: 'Edge 122.0.0',
          os: 'Windows 10',
          authMethod: 'Password',
          service: 'entra-id',
          host: 'Office 365 Exchange Online',
        }),
      ],
    });
    expect(parseLine(entraAnalytics)).toEqual({
      kind: 'events',
      events: [expect.objectContaining({ time: Date.UTC(2026, 2, 2, 7, 42, 0, 123), user: 'alice@contoso.com', outcome: 'success', country: 'NO', userAgent: entraAnalytics.UserAgent })],
    });
  });

  it('reads Okta sign-ins, leaves other event types and undecided outcomes as not logins', () => {
    expect(parseLine(okta('user.session.start', 'FAILURE', '2026-03-02T10:00:00.000Z'))).toEqual({
      kind: 'events',
      events: [expect.objectContaining({ user: 'bob@example.com', outcome: 'failure', ip: '198.51.100.23', country: 'US', region: 'Illinois', city: 'Chicago', latitude: 41.85, longitude: -87.65, asn: 7018, authMethod: 'PASSWORD', service: 'okta' })],
    });
    expect(parseLine(okta('user.authentication.sso', 'SUCCESS', '2026-03-02T10:01:00.000Z'))).toMatchObject({ kind: 'events', events: [{ outcome: 'success' }] });
    expect(parseLine(okta('user.session.start', 'CHALLENGE', '2026-03-02T10:02:00.000Z'))).toEqual({ kind: 'ignored' });
    expect(parseLine(okta('group.user_membership.add', 'SUCCESS', '2026-03-02T10:03:00.000Z'))).toEqual({ kind: 'ignored' });
  });

  it("reads a CloudTrail file's compact document: every ConsoleLogin of the line, other API calls not logins", () => {
    const document = { Records: [consoleLogin('alice', 'Failure', '2026-03-02T11:00:00Z'), describeInstances, consoleLogin('alice', 'Success', '2026-03-02T11:00:30Z')] };
    const outcome = parseLine(document);
    expect(outcome).toEqual({
      kind: 'events',
      events: [
        expect.objectContaining({ time: Date.UTC(2026, 2, 2, 11, 0, 0), user: 'alice', outcome: 'failure', ip: '192.0.2.44', authMethod: 'password', service: 'aws-console', host: '111122223333' }),
        expect.objectContaining({ time: Date.UTC(2026, 2, 2, 11, 0, 30), outcome: 'success' }),
      ],
    });
    expect(parseLine({ ...consoleLogin('x', 'Success', '2026-03-02T11:00:00Z'), userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' } })).toMatchObject({ events: [{ user: 'root' }] });
  });

  it('reads Google Workspace login audit activities, login_success and login_failure', () => {
    expect(parseLine(googleLogin('login_failure'))).toEqual({
      kind: 'events',
      events: [expect.objectContaining({ user: 'dana@example.org', outcome: 'failure', ip: '2001:db8::17', authMethod: 'google_password', service: 'google-workspace' })],
    });
    expect(parseLine(googleLogin('logout'))).toEqual({ kind: 'ignored' });
  });

  it('rejects with a reason: an unreadable login (naming its record), an unknown record, a pretty-printed document', () => {
    const bad = { ...consoleLogin('alice', 'Success', 'yesterday'), eventTime: 'yesterday' };
    expect(parseLine({ Records: [consoleLogin('alice', 'Success', '2026-03-02T11:00:00Z'), bad] })).toEqual({ kind: 'reject', reason: "record 2 of the line: unparseable time 'yesterday'" });
    expect(parseLine({ hello: 'world' })).toEqual({ kind: 'reject', reason: 'not a sign-in record of Entra ID, Okta, CloudTrail or Google Workspace' });
    expect(createCloudParser().parse('  "Records": [', 2)).toMatchObject({ kind: 'reject', reason: expect.stringContaining('pretty-printed JSON document') });
  });

  it('is detected in a mixed export and imported: logins stored, other records counted as not logins, bad lines rejected with their number', async () => {
    const lines = [
      JSON.stringify(entraGraph),
      JSON.stringify(okta('user.session.start', 'SUCCESS', '2026-03-02T10:00:00.000Z')),
      JSON.stringify({ Records: [consoleLogin('alice', 'Failure', '2026-03-02T11:00:00Z'), describeInstances] }),
      JSON.stringify(googleLogin('login_success')),
      JSON.stringify(okta('policy.evaluate_sign_on', 'ALLOW', '2026-03-02T10:05:00.000Z')),
      '{"eventName": "ConsoleLogin", "truncated',
    ];
    expect(detectFormat(lines)).toBe('cloud');
    const directory = mkdtempSync(join(tmpdir(), 'vigil-cloud-'));
    const path = join(directory, 'signins.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    const summary = await importFile(db, path);
    expect(summary).toMatchObject({ format: 'cloud', linesRead: 6, eventsImported: 4, ignored: 1, rejected: 1 });
    expect(listRejects(db, summary.sourceId)).toEqual([expect.objectContaining({ line: 6, reason: 'not JSON' })]);
    const stored = db.prepare('SELECT user, outcome, service, line FROM events ORDER BY line').all();
    expect(stored).toEqual([
      { user: 'alice@contoso.com', outcome: 0, service: 'entra-id', line: 1 },
      { user: 'bob@example.com', outcome: 1, service: 'okta', line: 2 },
      { user: 'alice', outcome: 0, service: 'aws-console', line: 3 },
      { user: 'dana@example.org', outcome: 1, service: 'google-workspace', line: 4 },
    ]);
    db.close();
  });
});
