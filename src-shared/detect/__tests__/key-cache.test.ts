import { describe, expect, it } from 'vitest';
import { KeyCache } from '../key-cache.js';
import { deviceKey } from '../login.js';
import { cityKey } from '../profile.js';

describe('KeyCache', () => {
  it('builds a text once per combination, nulls included, and forgets past its limit', () => {
    let built = 0;
    const cache = new KeyCache((a, b, c) => `${a}-${b}-${c}#${++built}`, 2);
    expect(cache.get('a', null, 'c')).toBe('a-null-c#1');
    expect(cache.get('a', null, 'c')).toBe('a-null-c#1');
    expect(cache.get('a', '', 'c')).toBe('a--c#2');
    // Third combination under a new first part: the cache is full, so it starts over.
    expect(cache.get('b', null, null)).toBe('b-null-null#3');
    expect(cache.get('a', null, 'c')).toBe('a-null-c#4');
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
