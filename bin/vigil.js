#!/usr/bin/env node
// The `vigil` command. It runs the build's compiled command line (out/main/cli.js, made by `npm run build`)
// when that is newer than every source file: its threads then start without compiling TypeScript. Otherwise
// it runs the TypeScript sources on plain Node through tsx's loader, so an edit is never run stale.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = `${root}out/main/cli.js`;

/** The newest modification time (ms) of the files under a folder. */
function newestUnder(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function builtIsCurrent() {
  try {
    const builtAt = statSync(built).mtimeMs;
    return ['src-main', 'src-shared'].every((folder) => newestUnder(`${root}${folder}`) < builtAt);
  } catch {
    return false;
  }
}

let main;
if (builtIsCurrent()) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
