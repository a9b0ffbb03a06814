import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const rbaHead = resolve('../shared/data/rba/rba-dataset-head.csv');

/** Run the real `vigil` command (stdio piped, so not a terminal). */
function vigil(...args: string[]) {
  const result = spawnSync(process.execPath, [resolve('bin/vigil.js'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil import', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  const casePath = join(directory, 'case.vigil');

  it('imports, prints the summary with its assumptions, and exits 0', () => {
    const result = vigil('import', rbaHead, '--case', casePath);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('read 19 lines · imported 19 events · duplicate 0 · rejected 0 · ignored 0 (not logins)');
    expect(result.stdout).toContain('assumed time zone UTC (default; set it with --tz)');
    // Not a terminal: progress comes as plain lines, never a rewritten bar.
    expect(result.stderr).not.toContain('\r');
  });

  it('adds nothing when the same file is imported again', () => {
    const result = vigil('import', rbaHead, '--case', casePath);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/already imported \(source #1, sha256 [0-9a-f]{12}…\): 19 duplicate events, nothing added/);
  });

  it('exits 1 with a one-line reason when a file cannot be read or its format determined', () => {
    const missing = vigil('import', join(directory, 'missing.log'), '--case', casePath);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vigil import: cannot read .*missing\.log/)]);
    const mystery = join(directory, 'mystery.txt');
    writeFileSync(mystery, 'hello\nworld\n');
    const unknown = vigil('import', mystery, '--case', casePath);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/cannot determine the format .* name it with --format/);
  });

  it('goes on with the other files when one cannot be read, and exits 1', () => {
    const other = join(directory, 'other.vigil');
    const result = vigil('import', join(directory, 'missing.log'), resolve('../shared/data/loghub/OpenSSH_2k.log'), '--case', other, '--year', '2026');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read .*missing\.log/);
    expect(result.stdout).toContain('read 2,000 lines · imported 532 events · duplicate 0 · rejected 0 · ignored 1,476 (not logins)');
  });

  it('exits 2 with the usage for bad options', () => {
    expect(vigil('import', rbaHead, '--case', casePath, '--format', 'xml')).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown format 'xml'") });
    expect(vigil('import', rbaHead)).toMatchObject({ status: 2, stderr: expect.stringContaining('--case is required') });
    expect(vigil('import', rbaHead, '--case', casePath, '--map', 'nonsense')).toMatchObject({ status: 2, stderr: expect.stringContaining('--map takes field=column') });
  });
});
