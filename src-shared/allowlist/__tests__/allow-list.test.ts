import { describe, expect, it } from 'vitest';
import type { AllowListEntry } from '../../api/allowlist.js';
import { createAllowListMatcher, describeAllowListEntry, normaliseAllowListValue } from '../allow-list.js';

function entries(...list: [AllowListEntry['kind'], string][]): AllowListEntry[] {
  return list.map(([kind, value], index) => ({ id: index + 1, kind, value: normaliseAllowListValue(kind, value), note: '', createdAt: 0, createdBy: 'test' }));
}

const login = { user: 'alice', ip: null, asn: null, country: null };

describe('allow-list', () => {
  it('normalises values and refuses what is not one', () => {
    expect(normaliseAllowListValue('ip', '10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(normaliseAllowListValue('ip', ' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(normaliseAllowListValue('ip', '2001:DB8::1/32')).toBe('2001:db8::/32');
    expect(normaliseAllowListValue('ip', '::1')).toBe('::1');
    expect(normaliseAllowListValue('ip', 'fe80:0:0:1::5')).toBe('fe80:0:0:1::5');
    expect(normaliseAllowListValue('ip', '::ffff:192.0.2.1')).toBe('::ffff:c000:201');
    expect(normaliseAllowListValue('asn', 'as15169')).toBe('15169');
    expect(normaliseAllowListValue('country', 'no')).toBe('NO');
    expect(() => normaliseAllowListValue('ip', '10.0.0.0/33')).toThrow(/not an IP address or CIDR block/);
    expect(() => normaliseAllowListValue('ip', '300.1.1.1')).toThrow(/not an IP address/);
    expect(() => normaliseAllowListValue('ip', '1::2::3')).toThrow(/not an IP address/);
    expect(() => normaliseAllowListValue('asn', 'Google')).toThrow(/not an AS number/);
    expect(() => normaliseAllowListValue('country', 'Norway')).toThrow(/two-letter/);
  });

  it('matches users, blocks of either family, ASNs and countries, and nothing else', () => {
    const match = createAllowListMatcher(entries(['user', 'scanner'], ['ip', '10.0.0.0/8'], ['ip', '2001:db8::/32'], ['ip', '192.0.2.9'], ['asn', 'AS64500'], ['country', 'is']));
    expect(match({ ...login, user: 'scanner' })?.kind).toBe('user');
    expect(match({ ...login, ip: '10.200.3.4' })?.value).toBe('10.0.0.0/8');
    expect(match({ ...login, ip: '11.0.0.1' })).toBeNull();
    expect(match({ ...login, ip: '2001:db8:ffff::1' })?.value).toBe('2001:db8::/32');
    expect(match({ ...login, ip: '2001:db9::1' })).toBeNull();
    expect(match({ ...login, ip: '192.0.2.9' })?.value).toBe('192.0.2.9');
    expect(match({ ...login, ip: '192.0.2.10' })).toBeNull();
    expect(match({ ...login, asn: 64500 })?.kind).toBe('asn');
    expect(match({ ...login, country: 'IS' })?.kind).toBe('country');
    expect(match({ ...login, ip: 'not an address', country: 'NO', asn: 1 })).toBeNull();
  });

  it('reads as a phrase', () => {
    expect(entries(['ip', '10.0.0.0/8'], ['ip', '192.0.2.1'], ['asn', '64500'], ['country', 'NO'], ['user', 'bob']).map(describeAllowListEntry)).toEqual([
      'address block 10.0.0.0/8',
      'address 192.0.2.1',
      'AS64500',
      'country NO',
      'user bob',
    ]);
  });
});
