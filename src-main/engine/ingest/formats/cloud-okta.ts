/**
 * Okta System Log events (the /api/v1/logs objects, as exported or streamed). Sign-ins are
 * `user.session.start` and the `user.authentication.*` events; other event types are not logins.
 * Outcome SUCCESS / ALLOW is a success, FAILURE / DENY a failure; CHALLENGE and the like decide nothing yet.
 */
import { cloudLogin, identity, pick, pickText, type CloudReader } from './cloud-record.js';

const successes = new Set(['SUCCESS', 'ALLOW']);
const failures = new Set(['FAILURE', 'DENY']);

export const readOktaEvent: CloudReader = (record) => {
  const eventType = pickText(record, 'eventType');
  if (eventType === null || !('published' in record) || !('actor' in record)) return null;
  if (eventType !== 'user.session.start' && !eventType.startsWith('user.authentication.')) return { kind: 'ignored' };
  const result = (pickText(record, 'outcome.result') ?? '').toUpperCase();
  if (!successes.has(result) && !failures.has(result)) return { kind: 'ignored' };
  return cloudLogin({
    time: pick(record, 'published'),
    user: identity(pickText(record, 'actor.alternateId')),
    outcome: successes.has(result) ? 'success' : 'failure',
    ip: pickText(record, 'client.ipAddress'),
    country: pickText(record, 'client.geographicalContext.country'),
    region: pickText(record, 'client.geographicalContext.state'),
    city: pickText(record, 'client.geographicalContext.city'),
    latitude: pick(record, 'client.geographicalContext.geolocation.lat'),
    longitude: pick(record, 'client.geographicalContext.geolocation.lon'),
    asn: pick(record, 'securityContext.asNumber'),
    userAgent: pickText(record, 'client.userAgent.rawUserAgent'),
    authMethod: pickText(record, 'authenticationContext.credentialType') ?? eventType,
    service: 'okta',
    host: pickText(record, 'debugContext.debugData.requestUri'),
  });
};
