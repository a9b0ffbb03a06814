import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, temporaryDirectory } from './harness.js';

// The build (out/main) is what the desktop app runs and what bin/vigil.js runs when it is current: its
// worker threads must find their modules beside the chunk that starts them. Run the built command line
// itself, never the sources, through each kind of worker: import and parse threads, training, live intake.
const built = join(root, 'out', 'main', 'cli.js');
const openSsh = join(root, '..', 'shared', 'data', 'loghub', 'OpenSSH_2k.log');
const directory = temporaryDirectory();
afterAll(() => directory.cleanup());
const runBuilt = join(directory.path, 'vigil-built.mjs');
writeFileSync(runBuilt, `import { main } from ${JSON.stringify(built)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);

function vigilBuilt(...args: string[]) {
  return spawnSync(process.execPath, [runBuilt, ...args], { encoding: 'utf8' });
}

describe('the built command line', () => {
  it('imports a large file with its parse thread, then detects with the autoencoder', () => {
    const csv = join(directory.path, 'logins.csv');
    expect(vigilBuilt('generate', '--out', csv, '--format', 'rba', '--rows', '20000', '--seed', '5').status).toBe(0);
    // Above 4 MB the import parses in a second thread.
    expect(statSync(csv).size).toBeGreaterThan(4 << 20);
    const rows = readFileSync(csv, 'utf8').trim().split('\n').length - 1;
    const casePath = join(directory.path, 'case.vigil');
    const imported = vigilBuilt('import', csv, '--case', casePath, '--format', 'rba');
    expect(imported.stdout + imported.stderr).toContain(`imported ${rows.toLocaleString('en-US')} events`);
    const scores = join(directory.path, 'scores.csv');
    const detected = vigilBuilt('detect', csv, '--case', casePath, '--out', scores, '--seed', '1');
    expect(detected.status).toBe(0);
    expect(detected.stderr).toMatch(/autoencoder \d/);
    expect(readFileSync(scores, 'utf8').trim().split('\n')).toHaveLength(rows + 1);
  });

  it('stores syslog lines received by its live worker', async () => {
    const casePath = join(directory.path, 'live.vigil');
    const lines = readFileSync(openSsh, 'utf8').split('\n').slice(0, 30).join('\n') + '\n';
    const child = spawn(process.execPath, [runBuilt, 'listen', '--case', casePath, '--tcp', '127.0.0.1:0', '--year', '2026'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      const port = /syslog-tcp 127\.0\.0\.1:(\d+) →/.exec(output)?.[1];
      if (port && output.includes('Press Ctrl+C') && !output.includes('sent')) {
        output += 'sent';
        const socket = connect({ port: Number(port), host: '127.0.0.1' }, () => socket.end(lines));
        socket.on('close', () => setTimeout(() => child.kill('SIGINT'), 1500));
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(status).toBe(0);
    expect(output).toMatch(/syslog-tcp 127\.0\.0\.1:\d+: received 30 · stored 10 events/);
  });
});
