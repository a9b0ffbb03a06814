import { describe, expect, it } from 'vitest';
import { openGeoIp } from '../geo-ip.js';
import { isReservedAddress } from '../reserved-address.js';

describe('openGeoIp over the bundled DB-IP database', () => {
  const geo = openGeoIp();

  it('places public IPv4 addresses', () => {
    expect(geo.locate('8.8.8.8')?.country).toBe('US');
    const norway = geo.locate('81.167.144.58');
    expect(norway).toMatchObject({ country: 'NO', region: 'Rogaland' });
    expect(norway?.latitude).toBeCloseTo(59.3, 0);
    expect(norway?.longitude).toBeCloseTo(5.2, 0);
    expect(geo.locate('193.69.45.1')).toMatchObject({ country: 'NO', city: 'Oslo' });
  });

  it('places IPv6 and IPv4-mapped IPv6 addresses', () => {
    expect(geo.locate('2a02:c0::1')?.country).toBe('NO');
    expect(geo.locate('::ffff:81.167.144.58')?.country).toBe('NO');
  });

  it('returns null for private, reserved and malformed addresses', () => {
    for (const ip of ['10.0.65.171', '172.16.5.4', '172.31.255.255', '192.168.1.1', '127.0.0.1', '100.64.1.1', '::1', 'fd12:3456::1', 'fe80::1%eth0', '::ffff:10.1.2.3', 'not-an-ip', '']) {
      expect(geo.locate(ip), ip).toBeNull();
    }
  });

  it('answers repeated lookups from its cache with the same result', () => {
    expect(geo.locate('8.8.8.8')).toBe(geo.locate('8.8.8.8'));
  });

  it('names DB-IP among its sources for the credits', () => {
    expect(geo.sources.join()).toMatch(/DB-IP/);
  });
});

describe('isReservedAddress', () => {
  it('knows the special-purpose ranges and their edges', () => {
    expect(isReservedAddress('172.15.255.255')).toBe(false);
    expect(isReservedAddress('172.32.0.0')).toBe(false);
    expect(isReservedAddress('100.63.255.255')).toBe(false);
    expect(isReservedAddress('100.127.255.255')).toBe(true);
    expect(isReservedAddress('11.0.0.1')).toBe(false);
    expect(isReservedAddress('256.1.1.1')).toBe(true);
    expect(isReservedAddress('2001:4860:4860::8888')).toBe(false);
    expect(isReservedAddress('2001:db8::1')).toBe(true);
    expect(isReservedAddress('fc00::1')).toBe(true);
    expect(isReservedAddress('::')).toBe(true);
  });
});
