/** An IP address as a number, for block arithmetic without node:net (src-shared is pure). */
export interface ParsedAddress {
  family: 4 | 6;
  value: bigint;
}

/** A dotted quad, or null. */
function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256n + BigInt(part);
  }
  return value;
}

/** IPv6 in any textual form (`::` compression, an embedded IPv4 tail, a zone id), or null. */
function parseIpv6(text: string): bigint | null {
  const address = text.replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const words: number[] = [];
    const parts = half.split(':');
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        const ipv4 = parseIpv4(part);
        if (ipv4 === null) return null;
        words.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) words.push(parseInt(part, 16));
      else return null;
    }
    return words;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail].reduce((value, word) => (value << 16n) | BigInt(word), 0n);
}

/** Parse an IPv4 or IPv6 address; null when it is neither. */
export function parseAddress(text: string): ParsedAddress | null {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === null ? null : { family: 4, value };
}

/** A CIDR block (or one address, as a /32 or /128). */
export interface AddressBlock {
  family: 4 | 6;
  /** The block's first address. */
  start: bigint;
  prefix: number;
}

/** Parse "203.0.113.0/24", "2001:db8::/32" or a bare address; null when it is not one. */
export function parseBlock(text: string): AddressBlock | null {
  const [addressText, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return null;
  const address = parseAddress(addressText);
  if (!address) return null;
  const bits = address.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  const hostBits = BigInt(bits - prefix);
  return { family: address.family, start: (address.value >> hostBits) << hostBits, prefix };
}

/** Whether an address lies in a block. */
export function blockContains(block: AddressBlock, address: ParsedAddress): boolean {
  if (block.family !== address.family) return false;
  const hostBits = BigInt((block.family === 4 ? 32 : 128) - block.prefix);
  return address.value >> hostBits === block.start >> hostBits;
}

/** A block in its canonical text: the first address (IPv4 dotted, IPv6 as RFC 5952 writes it) and the prefix. */
export function formatBlock(block: AddressBlock): string {
  const full = block.family === 4 ? 32 : 128;
  const address =
    block.family === 4
      ? [24n, 16n, 8n, 0n].map((shift) => String((block.start >> shift) & 255n)).join('.')
      : compressIpv6(Array.from({ length: 8 }, (_, index) => Number((block.start >> BigInt((7 - index) * 16)) & 0xffffn)));
  return block.prefix === full ? address : `${address}/${block.prefix}`;
}

/** Eight IPv6 words in RFC 5952 form: lower case, the longest run (two or more) of zero words as `::`. */
function compressIpv6(words: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && words[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const text = words.map((word) => word.toString(16));
  if (bestStart < 0) return text.join(':');
  return `${text.slice(0, bestStart).join(':')}::${text.slice(bestStart + bestLength).join(':')}`;
}
