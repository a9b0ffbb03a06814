/**
 * Google Workspace login audit (Admin SDK Reports API activities of the `login` application): an
 * activity carries events named login_success or login_failure; challenges, logouts and the rest are
 * valid records that are not logins.
 */
import { cloudLogin, identity, pick, pickText, type CloudReader, type CloudRecord } from './cloud-record.js';

export const readGoogleLogin: CloudReader = (record) => {
  const application = pickText(record, 'id.applicationName');
  if (application === null || !('events' in record)) return null;
  if (application !== 'login') return { kind: 'ignored' };
  const names = Array.isArray(record.events) ? (record.events as CloudRecord[]).map((event) => event?.name) : [];
  const outcome = names.includes('login_success') ? 'success' : names.includes('login_failure') ? 'failure' : null;
  if (outcome === null) return { kind: 'ignored' };
  return cloudLogin({
    time: pick(record, 'id.time'),
    user: identity(pickText(record, 'actor.email')),
    outcome,
    ip: pickText(record, 'ipAddress'),
    country: pickText(record, 'networkInfo.regionCode'),
    region: pickText(record, 'networkInfo.subdivisionCode'),
    asn: pick(record, 'networkInfo.ipAsn.0'),
    authMethod: loginType(record),
    service: 'google-workspace',
    host: pickText(record, 'id.customerId'),
  });
};

/** The login_type parameter of the login event (google_password, saml, reauth, …). */
function loginType(record: CloudRecord): string | null {
  for (const event of record.events as CloudRecord[]) {
    const parameters = Array.isArray(event?.parameters) ? (event.parameters as CloudRecord[]) : [];
    const found = parameters.find((parameter) => parameter?.name === 'login_type');
    if (typeof found?.value === 'string') return found.value;
  }
  return null;
}
