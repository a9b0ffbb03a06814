import { describe, expect, it } from 'vitest';
import { networkOf } from '../network.js';

describe('networkOf', () => {
  it('groups IPv4 by /24', () => {
    expect(networkOf('81.167.144.58')).toBe('81.167.144.0/24');
  });

  it('groups IPv6 by /64, expanding ::', () => {
    expect(networkOf('2001:db8::80da:af6b:8b2c')).toBe('2001:db8:0:0::/64');
    expect(networkOf('2001:0db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });

  it('puts IPv4-mapped IPv6 in the IPv4 network', () => {
    expect(networkOf('::ffff:192.0.2.7')).toBe('192.0.2.0/24');
  });

  it('returns null for what is not an address', () => {
    expect(networkOf('example.com')).toBeNull();
    expect(networkOf('1:2::3::4')).toBeNull();
  });
});
