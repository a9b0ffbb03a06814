import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The checkout, its `vigil` command and the git-ignored folder where benchmarks keep generated data. */
export const root = resolve(import.meta.dirname, '..');
export const vigil = join(root, 'bin', 'vigil.js');
export const dataDirectory = join(root, 'bench', '.data');

/**
 * Build the app (out/main) so `vigil` runs its compiled command line, as it does after `npm install`: the
 * benchmarks measure that, not the sources run through tsx after an edit.
 */
export function buildCompiledVigil(): void {
  console.log('building the app (npm run build) so vigil runs compiled…');
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
}

/** A generated RBA-layout file of `rows` rows for `seed` in bench/.data, made by `vigil generate` the first time. */
export function rbaBenchFile(rows: number, seed: string): string {
  mkdirSync(dataDirectory, { recursive: true });
  const csv = join(dataDirectory, `rba-${rows}-seed${seed}.csv`);
  if (!existsSync(csv)) {
    console.log(`generating ${rows.toLocaleString('en-US')} RBA-layout rows…`);
    execFileSync(process.execPath, [vigil, 'generate', '--out', csv, '--format', 'rba', '--rows', String(rows), '--seed', seed], { stdio: 'inherit' });
  }
  return csv;
}
