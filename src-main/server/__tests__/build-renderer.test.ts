import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../build-renderer.js';

describe('ensureRendererBuilt', () => {
  it('leaves a built UI alone: no build, nothing said', () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-renderer-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html>');
    const said: string[] = [];
    expect(ensureRendererBuilt(directory, (text) => said.push(text))).toBeNull();
    expect(said).toEqual([]);
  });
});
