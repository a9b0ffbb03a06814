import { describe, expect, it } from 'vitest';
import { createFieldBounds, fieldText, splitCsvLine, splitFields } from '../csv-fields.js';

describe('splitCsvLine', () => {
  it('splits plain, quoted, empty and escaped fields', () => {
    expect(splitCsvLine('a,,"b,c","say ""hi""",')).toEqual(['a', '', 'b,c', 'say "hi"', '']);
    expect(splitCsvLine('')).toEqual(['']);
    expect(splitCsvLine('"",x')).toEqual(['', 'x']);
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(splitCsvLine('5" disk,b')).toEqual(['5" disk', 'b']);
  });

  it('splits on semicolons and tabs', () => {
    expect(splitCsvLine('a;"b;c";d', 0x3b)).toEqual(['a', 'b;c', 'd']);
    expect(splitCsvLine('a\tb c\t', 0x09)).toEqual(['a', 'b c', '']);
  });

  it('rejects an unterminated quoted field and text after a closing quote', () => {
    expect(splitCsvLine('a,"b,c')).toEqual({ reason: 'unterminated quoted field' });
    expect(splitCsvLine('a,"b ""c""')).toEqual({ reason: 'unterminated quoted field' });
    expect(splitCsvLine('a,"b"c,d')).toEqual({ reason: 'text after closing quote' });
  });

  it('reuses and grows its bounds', () => {
    const bounds = createFieldBounds(2);
    const line = Array.from({ length: 40 }, (_, index) => `f${index}`).join(',');
    expect(splitFields(line, 0x2c, bounds)).toBeNull();
    expect(bounds.count).toBe(40);
    expect(fieldText(line, bounds, 39)).toBe('f39');
    expect(splitFields('x,y', 0x2c, bounds)).toBeNull();
    expect(bounds.count).toBe(2);
  });
});
