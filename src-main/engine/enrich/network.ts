/**
 * The network an address belongs to, as detection groups them: IPv4 /24, IPv6 /64.
 * Returns null for anything that is not an IP address.
 */
export function networkOf(ip: string): string | null {
  if (ip.includes(':')) return ipv6Network(ip);
  if (!ipv4Pattern.test(ip)) return null;
  return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
}

const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function ipv6Network(ip: string): string | null {
  const zoneless = ip.split('%')[0];
  // An IPv4-mapped IPv6 address (::ffff:1.2.3.4) belongs to the IPv4 network.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(zoneless);
  if (mapped) return networkOf(mapped[1]);
  const halves = zoneless.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  const prefix = groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  if (prefix.some((group) => group === 'NaN')) return null;
  return `${prefix.join(':')}::/64`;
}
