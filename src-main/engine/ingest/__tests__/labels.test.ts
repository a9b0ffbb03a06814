import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelOf, loadSiblingLabels } from '../labels.js';

describe('loadSiblingLabels', () => {
  it('reads record,label lines after the header: CRLF, spaces, runs, odd record numbers, a last line without newline', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vigil-labels-'));
    const path = join(folder, 'events.csv');
    writeFileSync(path, 'header\n');
    const lines = ['row,label', '1,normal', '2,normal\r', '3, brute_force ', '4,brute_force', ' 5,normal', '6,', '0,normal', 'x,normal', '1e1,spray', 'no comma', '7,Ørsted'];
    writeFileSync(`${path}.labels.csv`, lines.join('\n'));
    const labels = await loadSiblingLabels(path);
    expect(labels?.names).toEqual(['normal', 'brute_force', 'spray', 'Ørsted']);
    const found = Array.from({ length: 12 }, (_, record) => (labels ? labelOf(labels, record) : undefined));
    expect(found).toEqual([null, 'normal', 'normal', 'brute_force', 'brute_force', 'normal', null, 'Ørsted', null, null, 'spray', null]);
  });

  it('is null without a labels file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vigil-labels-'));
    expect(await loadSiblingLabels(join(folder, 'none.csv'))).toBeNull();
  });
});
