import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Wall time and peak resident memory of a child process. */
export interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/**
 * Run a command and measure its wall time and peak RSS (VmHWM from /proc, sampled until exit,
 * so the figure is the high-water mark the kernel kept for the whole run).
 */
export function runMeasured(command: string, args: string[], options: { cwd?: string } = {}): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const sample = (): void => {
      try {
        const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // The process has just exited; the last sample stands.
      }
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else resolvePromise({ seconds, peakRssMb: peakKb / 1024, stdout });
    });
  });
}
