import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root (tests/e2e/../..). */
export const root = resolve(fileURLToPath(new URL('../../', import.meta.url)));
/** Where screenshots go, to be looked at by a person. */
export const shotsDir = process.env.VIGIL_SHOTS ?? '/tmp/vigil-shots';
const vigil = join(root, 'bin', 'vigil.js');

/** A temporary directory removed by `cleanup`. */
export function temporaryDirectory(): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Run `vigil generate` (RBA layout) and return the file path. */
export function generateRba(directory: string, name: string, options: { users: number; days: number; seed: number }): string {
  const out = join(directory, name);
  const result = spawnSync(process.execPath, [vigil, 'generate', '--out', out, '--format', 'rba', '--users', String(options.users), '--days', String(options.days), '--seed', String(options.seed)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vigil generate failed: ${result.stderr}`);
  return out;
}

/** A running `vigil serve`. */
export interface Served {
  url: string;
  loginUrl: string;
  stop(): Promise<void>;
}

/** Start `vigil serve` on a free port for a case and wait for the link it prints. */
export async function serve(casePath: string, token: string): Promise<Served> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('the renderer is not built: run `npx electron-vite build` (npm run test:e2e does)');
  const child: ChildProcess = spawn(process.execPath, [vigil, 'serve', '--case', casePath, '--port', '0', '--token', token], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const loginUrl = await new Promise<string>((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => rejectUrl(new Error(`vigil serve printed no link:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => rejectUrl(new Error(`vigil serve exited with ${code}:\n${output}`)));
  });
  return {
    url: loginUrl.replace(/\?token=.*$/, ''),
    loginUrl,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless, through playwright-core (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collect console errors and page errors (a CSP violation shows up as a console error). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Save a screenshot of the whole view under shotsDir (the main area scrolls, so the page grows to fit it). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  const viewport = page.viewportSize();
  // Page scripts are strings: this file is typechecked as Node code, without the DOM's types.
  const height = await page.evaluate<number>(`document.querySelector('.main')?.scrollHeight ?? 0`);
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
}
