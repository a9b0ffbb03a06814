#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into node_modules/.vigil-electron/ (run by `npm start` first),
// leaving node_modules/better-sqlite3 built for plain Node: the CLI, `vigil serve` and the tests keep
// working from the same checkout. The app passes the Electron build to better-sqlite3 as `nativeBinding`
// (VIGIL_SQLITE_BINDING). It tries the prebuilt binary first and compiles against Electron's headers
// when there is none. A packaged app needs none of this: electron-builder rebuilds the module itself.
//
//   node bin/build-electron-sqlite.js            # for the installed Electron
//   VIGIL_NATIVE_RUNTIME=node node bin/build-electron-sqlite.js   # same steps for this Node (a self-check)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const runtime = process.env.VIGIL_NATIVE_RUNTIME === 'node' ? 'node' : 'electron';
const version = runtime === 'node' ? process.versions.node : JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const target = electronSqliteDirectory(root, runtime, version);
const binding = join(target, 'build', 'Release', 'better_sqlite3.node');

/** Where the build for a runtime and version lives (the app computes the same path). */
function electronSqliteDirectory(checkout, name, at) {
  return join(checkout, 'node_modules', '.vigil-electron', `better-sqlite3-${name}-${at}`);
}

if (existsSync(binding)) {
  console.log(`better-sqlite3 for ${runtime} ${version}: ${binding}`);
  process.exit(0);
}
const source = dirname(require.resolve('better-sqlite3/package.json'));
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) cpSync(join(source, part), join(target, part), { recursive: true });

const node = process.execPath;
const bin = (name, file) => join(dirname(require.resolve(`${name}/package.json`)), file);
console.log(`building better-sqlite3 for ${runtime} ${version} in ${target} …`);
const prebuilt = spawnSync(node, [bin('prebuild-install', 'bin.js'), '--runtime', runtime, '--target', version, '--arch', process.arch, '--platform', process.platform], {
  cwd: target,
  stdio: 'inherit',
});
if (prebuilt.status !== 0) {
  console.log('no prebuilt binary could be fetched; compiling (needs python3, make and a C++ compiler) …');
  const headers = runtime === 'electron' ? ['--dist-url=https://electronjs.org/headers'] : process.env.npm_config_nodedir ? [`--nodedir=${process.env.npm_config_nodedir}`] : [];
  const compiled = spawnSync(node, [bin('node-gyp', 'bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, `--runtime=${runtime}`, ...headers], { cwd: target, stdio: 'inherit' });
  if (compiled.status !== 0 || !existsSync(binding)) {
    console.error(`cannot build better-sqlite3 for ${runtime} ${version}: see the output above (Electron's headers are downloaded from electronjs.org).`);
    process.exit(1);
  }
}
console.log(`better-sqlite3 for ${runtime} ${version}: ${binding}`);
