/**
 * Microsoft Entra ID (Azure AD) sign-in logs: the Graph `signIn` resource, which the portal's JSON
 * download and Graph exports use (camelCase), and the `SigninLogs` table of Log Analytics / Sentinel
 * exports (PascalCase). Error code 0 is a successful sign-in; any other code is a failure.
 */
import { cloudLogin, identity, pick, pickText, type CloudReader } from './cloud-record.js';

export const readEntraSignIn: CloudReader = (record) => {
  const graph = 'userPrincipalName' in record && 'createdDateTime' in record;
  const analytics = 'UserPrincipalName' in record && ('ResultType' in record || 'TimeGenerated' in record);
  if (!graph && !analytics) return null;
  const code = pick(record, 'status.errorCode', 'ResultType', 'Status.errorCode');
  if (code === undefined) return { kind: 'reject', reason: 'sign-in without a status (status.errorCode / ResultType)' };
  const method = pickText(record, 'authenticationDetails.0.authenticationMethod', 'AuthenticationDetails.0.authenticationMethod');
  return cloudLogin({
    time: pick(record, 'createdDateTime', 'TimeGenerated', 'CreatedDateTime'),
    user: identity(pickText(record, 'userPrincipalName', 'UserPrincipalName')),
    outcome: String(code).trim() === '0' ? 'success' : 'failure',
    ip: pickText(record, 'ipAddress', 'IPAddress'),
    country: pickText(record, 'location.countryOrRegion', 'LocationDetails.countryOrRegion', 'Location'),
    region: pickText(record, 'location.state', 'LocationDetails.state'),
    city: pickText(record, 'location.city', 'LocationDetails.city'),
    latitude: pick(record, 'location.geoCoordinates.latitude', 'LocationDetails.geoCoordinates.latitude'),
    longitude: pick(record, 'location.geoCoordinates.longitude', 'LocationDetails.geoCoordinates.longitude'),
    asn: pick(record, 'autonomousSystemNumber', 'AutonomousSystemNumber'),
    userAgent: pickText(record, 'userAgent', 'UserAgent'),
    browser: pickText(record, 'deviceDetail.browser', 'DeviceDetail.browser'),
    os: pickText(record, 'deviceDetail.operatingSystem', 'DeviceDetail.operatingSystem'),
    authMethod: method ?? pickText(record, 'authenticationRequirement', 'AuthenticationRequirement'),
    service: 'entra-id',
    host: pickText(record, 'appDisplayName', 'AppDisplayName'),
  });
};
