import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Wall time, peak resident memory and CPU time per thread of a child process. */
export interface Measured {
  seconds: number;
  peakRssMb: number;
  /** CPU seconds (user + system) of each thread that used at least 0.1 s, in the order the threads started. */
  threadCpuSeconds: number[];
  stdout: string;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/**
 * Run a command and measure its wall time, peak RSS (VmHWM from /proc, sampled until exit, so the figure
 * is the high-water mark the kernel kept for the whole run) and each thread's CPU time (its last sample):
 * on a busy machine a thread's CPU time says more than the wall time about the work it did. Samples are
 * 100 ms apart: every 20 ms, reading the stat file of each of vigil's ~25 threads slowed its import by ~0.3 s.
 */
export function runMeasured(command: string, args: string[], options: { cwd?: string } = {}): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKb = 0;
    const threadTicks = new Map<string, number>();
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const sample = (): void => {
      try {
        const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
        for (const thread of readdirSync(`/proc/${child.pid}/task`)) {
          const stat = readFileSync(`/proc/${child.pid}/task/${thread}/stat`, 'utf8');
          // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          threadTicks.set(thread, Number(fields[11]) + Number(fields[12]));
        }
      } catch {
        // The process has just exited; the last sample stands.
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else {
        const threadCpuSeconds = [...threadTicks.values()].map((ticks) => ticks / ticksPerSecond).filter((seconds) => seconds >= 0.1);
        resolvePromise({ seconds, peakRssMb: peakKb / 1024, threadCpuSeconds, stdout });
      }
    });
  });
}
