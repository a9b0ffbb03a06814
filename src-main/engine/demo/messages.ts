/**
 * The syslog lines a demo sends: RFC 5424 with the time of sending. A login portal's logins as CEE
 * messages (`@cee: {json}` with user agent and place, which sshd lines cannot carry), and SSH attempts
 * as the sshd lines OpenSSH writes.
 */

/** One login attempt of the demo, before it has a time. */
export interface DemoLogin {
  user: string;
  success: boolean;
  ip: string;
  /** 'portal': a CEE message with the fields below; 'sshd': an OpenSSH line (user, address, outcome). */
  via: 'portal' | 'sshd';
  /** False for names that are not accounts of the population (sshd says "invalid user"). */
  knownAccount: boolean;
  asn: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  userAgent: string | null;
}

/** Host of the login portal's CEE messages. */
export const portalHost = 'sso01';
/** Host of the SSH gateway's sshd lines. */
export const sshHost = 'bastion01';

// authpriv.info: where login daemons log.
const priority = '<86>';

/** The RFC 5424 line of a login at `time` (UTC ms); `sequence` varies the sshd process id and port. */
export function formatDemoMessage(login: DemoLogin, time: number, sequence: number): string {
  const stamp = new Date(time).toISOString();
  if (login.via === 'sshd') {
    const pid = 20_000 + (sequence % 40_000);
    const port = 32_768 + ((sequence * 7919) % 28_000);
    const text = login.success
      ? `Accepted password for ${login.user} from ${login.ip} port ${port} ssh2`
      : `Failed password for ${login.knownAccount ? '' : 'invalid user '}${login.user} from ${login.ip} port ${port} ssh2`;
    return `${priority}1 ${stamp} ${sshHost} sshd ${pid} - - ${text}`;
  }
  const fields = {
    time: stamp,
    user: login.user,
    ip: login.ip,
    outcome: login.success ? 'success' : 'failure',
    country: login.country,
    region: login.region,
    city: login.city,
    asn: login.asn,
    user_agent: login.userAgent,
  };
  return `${priority}1 ${stamp} ${portalHost} portal - - - @cee: ${JSON.stringify(fields)}`;
}
