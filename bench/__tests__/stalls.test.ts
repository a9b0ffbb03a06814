import { describe, expect, it } from 'vitest';
import { attribute, summarise } from '../stalls.js';

describe('attribute', () => {
  it('keeps of a stall only the longest stretch no reference stall covers', () => {
    // The machine froze 1000–1150; the app stalled 990–1190: its own part is the 40 ms after the freeze.
    expect(attribute([{ from: 990, to: 1190 }], [{ from: 1000, to: 1150 }])).toEqual([{ from: 1150, to: 1190 }]);
    // Two freezes inside one stall: the longest gap between and around them.
    expect(attribute([{ from: 0, to: 300 }], [{ from: 200, to: 250 }, { from: 20, to: 100 }])).toEqual([{ from: 100, to: 200 }]);
  });

  it('leaves a stall nothing covers whole, and one fully covered empty', () => {
    expect(attribute([{ from: 10, to: 80 }], [{ from: 100, to: 200 }])).toEqual([{ from: 10, to: 80 }]);
    expect(summarise(attribute([{ from: 10, to: 80 }], [{ from: 0, to: 90 }]))).toEqual({ maxMs: 0, over50: 0 });
  });
});

describe('summarise', () => {
  it('gives the longest stall and how many reached 50 ms', () => {
    expect(summarise([{ from: 0, to: 30 }, { from: 100, to: 160 }, { from: 200, to: 250 }])).toEqual({ maxMs: 60, over50: 2 });
    expect(summarise([])).toEqual({ maxMs: 0, over50: 0 });
  });
});
