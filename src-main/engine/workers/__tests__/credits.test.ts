import { describe, expect, it } from 'vitest';
import { Credits } from '../credits.js';

describe('Credits', () => {
  it('lets `ahead` batches go, then waits until the receiver gives one back', async () => {
    const credits = new Credits(2);
    await credits.take();
    await credits.take();
    let third = false;
    const taking = credits.take().then(() => (third = true));
    await new Promise((done) => setTimeout(done, 10));
    expect(third).toBe(false);
    credits.give();
    await taking;
    expect(third).toBe(true);
  });
});
