import { afterEach, describe, expect, it } from 'vitest';
import { ipv4BlockCondition, ipv4ToNumber, ipv6ToBigInt } from '../ip-match.js';
import { queryEvents } from '../events.js';
import { createRandom } from '../../../../../src-shared/random.js';
import { seedCase, type SeededCase } from './seed.js';

let seeded: SeededCase | null = null;
afterEach(() => {
  seeded?.remove();
  seeded = null;
});

function inBlock(ip: string, block: string): boolean {
  const [address, prefix] = block.split('/');
  const size = 2 ** (32 - Number(prefix));
  return Math.floor(ipv4ToNumber(ip) / size) === Math.floor(ipv4ToNumber(address) / size);
}

describe('IPv4 blocks as text ranges', () => {
  it('uses one text range for whole-octet blocks and several for the rest', () => {
    expect(ipv4BlockCondition('10.1.2.3', 24)).toEqual({ sql: '(ip >= ? AND ip < ?)', parameters: ['10.1.2.', '10.1.2/'] });
    expect(ipv4BlockCondition('10.1.0.0', 16).parameters).toEqual(['10.1.', '10.1/']);
    expect(ipv4BlockCondition('10.1.16.0', 20).parameters).toHaveLength(32);
    expect(ipv4BlockCondition('0.0.0.0', 0).parameters).toHaveLength(512);
    expect(ipv4BlockCondition('192.168.1.130', 30)).toEqual({ sql: 'ip IN (?, ?, ?, ?)', parameters: ['192.168.1.128', '192.168.1.129', '192.168.1.130', '192.168.1.131'] });
  });

  it('parses IPv6 in any notation', () => {
    expect(ipv6ToBigInt('2001:db8::1')).toBe(ipv6ToBigInt('2001:0db8:0000:0000:0000:0000:0000:0001'));
    expect(ipv6ToBigInt('::ffff:1.2.3.4')).toBe(0xffff01020304n);
  });

  it('matches exactly the addresses a numeric comparison matches, on a real case', () => {
    seeded = seedCase();
    const random = createRandom(7);
    const ips: string[] = [];
    // Few first octets so blocks hit often; includes "10.0.0.9" vs "10.0.0.10", where text order is not numeric order.
    for (let index = 0; index < 3000; index++) {
      const octets = [10 + random.integer(3), random.integer(4), random.integer(40), random.integer(256)];
      ips.push(octets.join('.'));
    }
    ips.push('10.0.0.9', '10.0.0.10', '100.0.0.1', '1.0.0.1');
    seeded.add(ips.map((ip, index) => ({ ip, time: index * 1000 })));
    for (const block of ['10.0.0.0/8', '10.1.0.0/16', '10.1.16.0/20', '11.2.3.0/24', '10.0.0.8/29', '10.0.0.0/28', '10.0.0.0/7', '0.0.0.0/0', '11.3.39.77/32']) {
      const page = queryEvents(seeded.db, { ip: block }, { after: null, limit: 1000 });
      const expected = ips.filter((ip) => inBlock(ip, block)).length;
      expect(page.total, block).toEqual({ count: expected, exact: true });
      for (const row of page.rows) expect(inBlock(row.ip ?? '', block), `${row.ip} in ${block}`).toBe(true);
    }
  });

  it('filters IPv6 blocks and rejects nonsense', () => {
    seeded = seedCase();
    seeded.add([{ ip: '2001:db8::1' }, { ip: '2001:0db8:0:0:1::2' }, { ip: '2001:db9::1' }, { ip: '10.0.0.1' }]);
    const page = queryEvents(seeded.db, { ip: '2001:db8::/32' }, { after: null, limit: 10 });
    expect(page.rows.map((row) => row.ip).sort()).toEqual(['2001:0db8:0:0:1::2', '2001:db8::1']);
    expect(() => queryEvents(seeded!.db, { ip: 'ten.0.0.1' }, { after: null, limit: 10 })).toThrow(/not an IP address or CIDR/);
    expect(() => queryEvents(seeded!.db, { ip: '10.0.0.0/33' }, { after: null, limit: 10 })).toThrow(/not a CIDR block/);
  });
});
