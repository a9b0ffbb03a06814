/**
 * AWS CloudTrail: `ConsoleLogin` events are the sign-ins (responseElements.ConsoleLogin Success or
 * Failure); every other CloudTrail event is a valid record that is not a login.
 */
import { cloudLogin, pick, pickText, type CloudReader, type CloudRecord } from './cloud-record.js';

export const readCloudTrailEvent: CloudReader = (record) => {
  if (!('eventName' in record) || !('eventTime' in record) || !('eventSource' in record)) return null;
  if (record.eventName !== 'ConsoleLogin') return { kind: 'ignored' };
  const result = pickText(record, 'responseElements.ConsoleLogin');
  if (result !== 'Success' && result !== 'Failure') return { kind: 'reject', reason: `ConsoleLogin without a Success or Failure result ('${result ?? ''}')` };
  const mfa = pickText(record, 'additionalEventData.MFAUsed');
  return cloudLogin({
    time: pick(record, 'eventTime'),
    user: consoleUser(record),
    outcome: result === 'Success' ? 'success' : 'failure',
    ip: pickText(record, 'sourceIPAddress'),
    userAgent: pickText(record, 'userAgent'),
    authMethod: mfa === 'Yes' ? 'password+mfa' : 'password',
    service: 'aws-console',
    host: pickText(record, 'recipientAccountId', 'userIdentity.accountId'),
  });
};

/** IAM users by name; the root user as 'root'; roles by their session's ARN tail. */
function consoleUser(record: CloudRecord): string | null {
  const type = pickText(record, 'userIdentity.type');
  if (type === 'Root') return 'root';
  const name = pickText(record, 'userIdentity.userName');
  if (name !== null) return name;
  const arn = pickText(record, 'userIdentity.arn');
  return arn === null ? null : arn.slice(arn.indexOf('/') + 1) || arn;
}
