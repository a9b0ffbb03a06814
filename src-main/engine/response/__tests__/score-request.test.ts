import { describe, expect, it } from 'vitest';
import { parseScoreRequest, requestEvent } from '../score-request.js';

describe('score requests', () => {
  it('accepts a login and makes the event an importer would', () => {
    const parsed = parseScoreRequest({ time: '2024-05-01T10:00:00Z', user: 'alice', ip: '192.0.2.1', outcome: 'success', country: 'NO', user_agent: 'curl/8' });
    if (!('request' in parsed)) throw new Error(parsed.message);
    const event = requestEvent(parsed.request, 0);
    expect(event).toMatchObject({ time: Date.parse('2024-05-01T10:00:00Z'), user: 'alice', ip: '192.0.2.1', outcome: 'success', country: 'NO', city: null, userAgent: 'curl/8' });
    const now = parseScoreRequest({ user: 'alice', ip: '192.0.2.1', outcome: 'failure' });
    if (!('request' in now)) throw new Error(now.message);
    expect(requestEvent(now.request, 1234).time).toBe(1234);
  });

  it('names every problem of a bad request', () => {
    const parsed = parseScoreRequest({ user: 'alice', outcome: 'ok', latitude: 200 });
    expect('message' in parsed && parsed.message).toMatch(/ip.*outcome.*latitude|ip|outcome/);
    expect(parseScoreRequest(null)).toHaveProperty('message');
    expect(parseScoreRequest({ user: 'a', ip: 'b', outcome: 'success', time: 'yesterday' })).toHaveProperty('message');
  });
});
