import type { AllowListEntry, AllowListKind } from '../api/allowlist.js';
import { blockContains, formatBlock, parseAddress, parseBlock, type AddressBlock } from './address.js';

/** What an allow-list is matched against: a login's user and where it came from. */
export interface AllowListSubject {
  user: string;
  ip: string | null;
  asn: number | null;
  country: string | null;
}

/**
 * The canonical form of an entry's value (a block with its host bits cleared, "AS" dropped from an ASN,
 * an upper-case country code), or an Error saying why the value cannot be one.
 */
export function normaliseAllowListValue(kind: AllowListKind, value: string): string {
  const text = value.trim();
  switch (kind) {
    case 'user':
      if (text === '') throw new Error('a user name cannot be empty');
      return text;
    case 'ip': {
      const block = parseBlock(text);
      if (!block) throw new Error(`'${text}' is not an IP address or CIDR block (e.g. 203.0.113.7 or 203.0.113.0/24)`);
      return formatBlock(block);
    }
    case 'asn': {
      const match = /^(?:AS)?(\d{1,10})$/i.exec(text);
      if (!match || Number(match[1]) > 4_294_967_295) throw new Error(`'${text}' is not an AS number (e.g. AS15169)`);
      return String(Number(match[1]));
    }
    case 'country':
      if (!/^[A-Za-z]{2}$/.test(text)) throw new Error(`'${text}' is not a two-letter ISO country code (e.g. NO)`);
      return text.toUpperCase();
  }
}

/** A function naming the first entry that covers a login, or null; built once per list. */
export type AllowListMatcher = (subject: AllowListSubject) => AllowListEntry | null;

/** Build a matcher over entries (whose values are canonical, as `normaliseAllowListValue` gives them). */
export function createAllowListMatcher(entries: readonly AllowListEntry[]): AllowListMatcher {
  const users = new Map<string, AllowListEntry>();
  const asns = new Map<number, AllowListEntry>();
  const countries = new Map<string, AllowListEntry>();
  const blocks: { block: AddressBlock; entry: AllowListEntry }[] = [];
  for (const entry of entries) {
    if (entry.kind === 'user') users.set(entry.value, entry);
    else if (entry.kind === 'asn') asns.set(Number(entry.value), entry);
    else if (entry.kind === 'country') countries.set(entry.value.toUpperCase(), entry);
    else {
      const block = parseBlock(entry.value);
      if (block) blocks.push({ block, entry });
    }
  }
  return (subject) => {
    const byUser = users.get(subject.user);
    if (byUser) return byUser;
    if (subject.asn !== null) {
      const byAsn = asns.get(subject.asn);
      if (byAsn) return byAsn;
    }
    if (subject.country !== null) {
      const byCountry = countries.get(subject.country.toUpperCase());
      if (byCountry) return byCountry;
    }
    if (subject.ip !== null && blocks.length > 0) {
      const address = parseAddress(subject.ip);
      if (address) for (const { block, entry } of blocks) if (blockContains(block, address)) return entry;
    }
    return null;
  };
}

/** How an entry reads in a sentence ("address block 10.0.0.0/8"). */
export function describeAllowListEntry(entry: Pick<AllowListEntry, 'kind' | 'value'>): string {
  switch (entry.kind) {
    case 'user':
      return `user ${entry.value}`;
    case 'ip':
      return entry.value.includes('/') ? `address block ${entry.value}` : `address ${entry.value}`;
    case 'asn':
      return `AS${entry.value}`;
    case 'country':
      return `country ${entry.value}`;
  }
}
