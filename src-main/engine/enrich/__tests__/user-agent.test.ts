import { describe, expect, it } from 'vitest';
import { newEventInput } from '../../../../src-shared/event.js';
import { createEnricher } from '../enricher.js';
import { createUserAgentParser } from '../user-agent.js';

describe('createUserAgentParser', () => {
  const describeClient = createUserAgentParser();

  it('describes a desktop Chrome on Windows', () => {
    expect(describeClient('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/85.0.4183.121 Safari/537.36')).toEqual({
      browser: 'Chrome 85',
      os: 'Windows 10',
      deviceType: 'desktop',
    });
  });

  it('describes an iPhone as mobile', () => {
    const client = describeClient('Mozilla/5.0 (iPhone; CPU iPhone OS 13_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1 Mobile/15E148 Safari/604.1');
    expect(client).toEqual({ browser: 'Mobile Safari 13', os: 'iOS 13.4', deviceType: 'mobile' });
  });

  it('calls scripted clients bots', () => {
    expect(describeClient('python-requests/2.31.0').deviceType).toBe('bot');
  });
});

describe('createEnricher', () => {
  it('keeps what the log states and derives the rest', () => {
    const enrich = createEnricher();
    const event = { ...newEventInput(0, 'u', 'success'), ip: '10.1.2.3', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/85.0 Safari/537.36', browser: 'Chrome 85.0.4183' };
    expect(enrich(event)).toEqual({ network: '10.1.2.0/24', browser: 'Chrome 85.0.4183', os: 'Windows 10', deviceType: 'desktop' });
  });

  it('fills place fields from the IP and coordinates from the names, only when missing', () => {
    const enrich = createEnricher({
      locateIp: () => ({ country: 'NO', region: 'Oslo', city: 'Oslo', latitude: null, longitude: null }),
      locateName: (country, _region, city) => (country === 'NO' && city === 'Oslo' ? { latitude: 59.91, longitude: 10.75 } : null),
    });
    const event = { ...newEventInput(0, 'u', 'failure'), ip: '81.167.144.58' };
    enrich(event);
    expect([event.country, event.city, event.latitude, event.longitude]).toEqual(['NO', 'Oslo', 59.91, 10.75]);
  });
});
