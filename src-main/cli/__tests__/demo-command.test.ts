import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Run the real `vigil` command (stdio piped, so not a terminal). */
function vigil(...args: string[]) {
  const result = spawnSync(process.execPath, [resolve('bin/vigil.js'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil demo', () => {
  it('writes the history to train on and prints the next commands', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vigil-demo-cli-')), 'history.jsonl');
    const result = vigil('demo', '--prepare', '--out', out, '--users', '20', '--days', '7', '--seed', '4', '--history-end', '2026-11-20');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/normal logins of 20 users over 7 days up to 2026-11-20 \(UTC\), seed 4/);
    expect(result.stdout).toContain('vigil demo --scenario all --to udp://127.0.0.1:5514 --users 20 --days 7 --seed 4 --history-end 2026-11-20');
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]) as { time: string; user_agent: string };
    expect(first.time >= '2026-11-13').toBe(true);
    expect(first.user_agent).toMatch(/^Mozilla/);
  });

  it('exits 2 with a one-line reason for a bad target, an unknown scenario or a bad speed', () => {
    const badTarget = vigil('demo', '--scenario', 'all', '--to', 'localhost:5514');
    expect(badTarget.status).toBe(2);
    expect(badTarget.stderr.split('\n')[0]).toBe("vigil demo: a demo target is udp://HOST:PORT or tcp://HOST:PORT (port 1-65535), for example udp://127.0.0.1:5514, not 'localhost:5514'");
    const unknown = vigil('demo', '--scenario', 'phishing', '--to', 'udp://127.0.0.1:5514');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toMatch(/^vigil demo: unknown scenario 'phishing' \(choose from all, brute-force-takeover/);
    const speed = vigil('demo', '--scenario', 'all', '--to', 'udp://127.0.0.1:5514', '--speed', 'fast');
    expect(speed.status).toBe(2);
    expect(speed.stderr.split('\n')[0]).toBe("vigil demo: --speed must be a number above 0 (at most 10000), not 'fast'");
  });

  it('exits 1 when the TCP listener refuses the connection', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    const result = vigil('demo', '--scenario', 'password-spray', '--to', `tcp://127.0.0.1:${port}`, '--users', '20', '--days', '7');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`vigil demo: cannot send to tcp://127.0.0.1:${port}: connection refused (is a listener running there?)`);
  });
});
