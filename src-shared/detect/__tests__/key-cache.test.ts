import { describe, expect, it } from 'vitest';
import { KeyCache } from '../key-cache.js';
import { deviceKey } from '../login.js';
import { cityKey } from '../profile.js';

describe('KeyCache', () => {
  it('builds a text once per combination, nulls included, and forgets past its limit', () => {
    const cache = new KeyCache(2);
    let built = 0;
    const build = (text: string) => (): string => {
      built++;
      return text;
    };
    expect(cache.get('a', null, 'c', build('a-c'))).toBe('a-c');
    expect(cache.get('a', null, 'c', build('other'))).toBe('a-c');
    expect(cache.get('a', '', 'c', build('a-empty-c'))).toBe('a-empty-c');
    expect(built).toBe(2);
    // Third combination under a new first part: the cache is full, so it starts over.
    expect(cache.get('b', null, null, build('b'))).toBe('b');
    expect(cache.get('a', null, 'c', build('a-c again'))).toBe('a-c again');
    expect(built).toBe(4);
  });

  it('gives the device and city keys their texts', () => {
    expect(deviceKey({ browser: 'Chrome 85.0.4183', os: 'iOS 13.4', deviceType: 'mobile' })).toBe('Chrome · iOS · mobile');
    expect(deviceKey({ browser: null, os: 'Linux', deviceType: null })).toBe('? · Linux · ?');
    expect(deviceKey({ browser: null, os: null, deviceType: '' })).toBeNull();
    expect(deviceKey({ browser: 'Firefox', os: null, deviceType: '' })).toBe('Firefox · ? · ');
    expect(cityKey({ city: 'Bergen', country: 'NO' })).toBe('Bergen|NO');
    expect(cityKey({ city: '', country: 'NO' })).toBeNull();
  });
});
