/**
 * Datagrams the Linux kernel dropped for a UDP socket (its receive buffer was full before the listener
 * read them): the `drops` column of /proc/net/udp. Losses the listener itself cannot see.
 */
import { readFileSync } from 'node:fs';

/** The kernel's drop count for the IPv4 UDP socket bound to `address:port`, or null when unknown. */
export function kernelUdpDrops(address: string, port: number, table = '/proc/net/udp'): number | null {
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !(octet >= 0 && octet <= 255))) return null;
  const hex = (values: number[]): string => values.map((value) => value.toString(16).padStart(2, '0')).join('').toUpperCase();
  const portHex = port.toString(16).padStart(4, '0').toUpperCase();
  // The kernel prints the address as a host-order word: reversed bytes on little-endian machines.
  const keys = new Set([`${hex([...octets].reverse())}:${portHex}`, `${hex(octets)}:${portHex}`]);
  let text: string;
  try {
    text = readFileSync(table, 'latin1');
  } catch {
    return null;
  }
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
    if (fields.length >= 13 && keys.has(fields[1])) {
      const drops = Number(fields[12]);
      return Number.isFinite(drops) ? drops : null;
    }
  }
  return null;
}
