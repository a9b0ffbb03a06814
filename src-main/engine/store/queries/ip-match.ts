/**
 * IP and CIDR filters as SQL over the text `ip` column. IPv4 blocks become text ranges on whole-octet
 * prefixes ("10.1.", "10.1.16." …), which the events_ip index answers directly; IPv6 blocks fall back
 * to a registered SQL function (no index, correct for any notation).
 */
import { isIP } from 'node:net';
import type { CaseDatabase } from '../database.js';
import type { SqlCondition } from './sql-condition.js';

/** Thrown for an address or block that cannot be parsed. */
export class IpFilterError extends Error {
  override name = 'ValidationError';
}

/** The SQL condition for "ip equals this address" or "ip lies in this CIDR block". */
export function ipCondition(db: CaseDatabase, input: string): SqlCondition {
  const text = input.trim();
  const slash = text.indexOf('/');
  if (slash < 0) {
    if (isIP(text) === 0) throw new IpFilterError(`'${text}' is not an IP address or CIDR block`);
    return { sql: 'ip = ?', parameters: [text] };
  }
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  const family = isIP(address);
  if (family === 4 && prefix >= 0 && prefix <= 32) return ipv4BlockCondition(address, prefix);
  if (family === 6 && prefix >= 0 && prefix <= 128) {
    registerIpv6Function(db);
    return { sql: 'vigil_in_ipv6_block(ip, ?, ?) = 1', parameters: [ipv6ToBigInt(address).toString(), prefix] };
  }
  throw new IpFilterError(`'${text}' is not a CIDR block (e.g. 203.0.113.0/24 or 2001:db8::/32)`);
}

/** IPv4 dotted quad → unsigned 32-bit number. */
export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** An IPv4 block as the smallest set of whole-octet text prefixes (at most 256) or exact addresses (at most 128). */
export function ipv4BlockCondition(address: string, prefix: number): SqlCondition {
  const size = 2 ** (32 - prefix);
  const start = Math.floor(ipv4ToNumber(address) / size) * size;
  if (prefix > 24) {
    const addresses = Array.from({ length: size }, (_, index) => numberToIpv4(start + index));
    return { sql: `ip IN (${addresses.map(() => '?').join(', ')})`, parameters: addresses };
  }
  // Round the block to the next octet boundary; each prefix "a.b." is the text range ["a.b.", "a.b/").
  const octets = prefix <= 8 ? 1 : prefix <= 16 ? 2 : 3;
  const step = 2 ** (32 - octets * 8);
  const ranges: string[] = [];
  const parameters: string[] = [];
  for (let value = start; value < start + size; value += step) {
    const textPrefix = numberToIpv4(value).split('.').slice(0, octets).join('.') + '.';
    ranges.push('(ip >= ? AND ip < ?)');
    parameters.push(textPrefix, textPrefix.slice(0, -1) + '/');
  }
  return { sql: ranges.length === 1 ? ranges[0] : `(${ranges.join(' OR ')})`, parameters };
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** IPv6 text (any notation, optional IPv4 tail) → 128-bit integer. */
export function ipv6ToBigInt(address: string): bigint {
  let text = address.split('%')[0].toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const value = ipv4ToNumber(tail[1]);
    text = text.slice(0, -tail[1].length) + `${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) + BigInt(parseInt(group || '0', 16)), 0n);
}

const registered = new WeakSet<CaseDatabase>();

function registerIpv6Function(db: CaseDatabase): void {
  if (registered.has(db)) return;
  registered.add(db);
  db.function('vigil_in_ipv6_block', { deterministic: true }, (ip: unknown, network: unknown, prefix: unknown) => {
    if (typeof ip !== 'string' || isIP(ip) !== 6) return 0;
    const shift = BigInt(128 - Number(prefix));
    return ipv6ToBigInt(ip) >> shift === BigInt(String(network)) >> shift ? 1 : 0;
  });
}
