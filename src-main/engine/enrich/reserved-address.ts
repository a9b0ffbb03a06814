/**
 * Addresses that no geolocation database can place: private, loopback, shared (CGNAT), link-local,
 * documentation, benchmarking, multicast and reserved ranges (IANA special-purpose registries).
 */

/** The IPv4 special-purpose ranges as [network, prefix length]. */
const ipv4Ranges = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation TEST-NET-1
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation TEST-NET-2
  ['203.0.113.0', 24], // documentation TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const;

/** The same ranges as the first address (a 32-bit number) and the block size. */
const ipv4Reserved = ipv4Ranges.map(([network, prefix]) => ({ first: ipv4Number(network) as number, size: 2 ** (32 - prefix) }));

/** An IPv4 address as an unsigned 32-bit number, or null if `text` is not one. */
export function ipv4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, embedded IPv4 allowed), or null. */
export function ipv6Groups(text: string): number[] | null {
  let address = text.split('%')[0];
  const tail: number[] = [];
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.', lastColon)) {
    const ipv4 = ipv4Number(address.slice(lastColon + 1));
    if (ipv4 === null) return null;
    tail.push(Math.floor(ipv4 / 65536), ipv4 % 65536);
    address = `${address.slice(0, lastColon + 1)}0:0`; // placeholder groups, replaced below
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const texts = [...head, ...Array<string>(missing).fill('0'), ...rest];
  if (!texts.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  const groups = texts.map((group) => parseInt(group, 16));
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups;
}

/**
 * True for an address in a private or reserved range (IPv4, IPv6, or IPv4-mapped IPv6), and for
 * anything that is not an IP address at all; false for a public unicast address.
 */
export function isReservedAddress(text: string): boolean {
  if (!text.includes(':')) {
    const value = ipv4Number(text);
    return value === null || isReservedIpv4(value);
  }
  const groups = ipv6Groups(text);
  if (groups === null) return true;
  // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) return isReservedIpv4(groups[6] * 65536 + groups[7]);
  const first = groups[0];
  if (groups.slice(0, 7).every((group) => group === 0)) return groups[7] <= 1; // :: and ::1
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast ff00::/8
    (first === 0x2001 && groups[1] === 0x0db8) // documentation 2001:db8::/32
  );
}

function isReservedIpv4(value: number): boolean {
  return ipv4Reserved.some(({ first, size }) => value >= first && value < first + size);
}
