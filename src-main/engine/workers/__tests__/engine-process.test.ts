import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startEngineProcess } from '../engine-process.js';
import { engineProcessesOf, statFields } from './engine-processes.js';

const engineProcessModule = new URL('../engine-process.ts', import.meta.url).href;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, seconds: number): Promise<boolean> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    if (condition()) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return condition();
}

/** Run a module script that uses engine-process.ts in a Node process of its own. */
const runCaller = (script: string) =>
  spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { prepareEngineProcess, startEngineProcess } from '${engineProcessModule}'; ${script}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });

describe.runIf(process.platform === 'linux')('the engine process', () => {
  it('stops when the process that started it is killed outright', async () => {
    const caller = runCaller(`startEngineProcess('train-worker'); console.log('started');`);
    try {
      await new Promise((started) => caller.stdout.once('data', started));
      let engine: number[] = [];
      expect(await until(() => (engine = engineProcessesOf(caller.pid!)).length === 1, 10)).toBe(true);
      caller.kill('SIGKILL');
      expect(await until(() => !alive(engine[0]), 10)).toBe(true);
    } finally {
      caller.kill('SIGKILL');
    }
  }, 30_000);

  it('does not keep its caller from exiting while no worker runs', async () => {
    const caller = runCaller(`prepareEngineProcess(); console.log('prepared');`);
    const code = await new Promise((exited) => caller.on('exit', exited));
    expect(code).toBe(0);
  }, 30_000);

  it('settles the termination of an unreferenced worker before its idle caller exits', async () => {
    const caller = runCaller(`const worker = startEngineProcess('read-worker'); worker.unref(); console.log('code', await worker.terminate());`);
    let printed = '';
    caller.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const code = await new Promise((exited) => caller.on('exit', exited));
    expect(code).toBe(0);
    expect(printed).toMatch(/^code \d+\n$/);
  }, 30_000);

  it('runs every thread of its own at a lower priority than the caller, its garbage collector included', async () => {
    const worker = startEngineProcess('read-worker');
    // Once the worker answers (here: that a case cannot be opened), the process has lowered itself and started it.
    const answered = new Promise((done) => worker.on('message', done));
    worker.postMessage({ seq: 1, casePath: '/nonexistent/case.vigil', name: 'caseCounts', arguments: [] });
    await answered;
    const [engine] = engineProcessesOf(process.pid);
    // The nice value is the 19th field of a thread's stat, the 17th after the command name.
    const niceOf = (thread: string): number => Number(statFields(`/proc/${engine}/task/${thread}/stat`)[16]);
    const nices = readdirSync(`/proc/${engine}/task`).map(niceOf);
    await worker.terminate();
    expect(nices.length).toBeGreaterThan(7);
    expect(new Set(nices)).toEqual(new Set([10]));
  }, 30_000);

  it('ends the workers it was running when it dies, and the next worker starts a new one', async () => {
    const worker = startEngineProcess('train-worker');
    const exited = new Promise((done) => worker.on('exit', done));
    let engine: number[] = [];
    expect(await until(() => (engine = engineProcessesOf(process.pid)).length === 1, 10)).toBe(true);
    process.kill(engine[0], 'SIGKILL');
    expect(await exited).toBe(1);

    const next = startEngineProcess('train-worker');
    expect(await until(() => engineProcessesOf(process.pid).some((pid) => pid !== engine[0]), 10)).toBe(true);
    await next.terminate();
    expect(await until(() => engineProcessesOf(process.pid).length === 1, 10)).toBe(true);
  }, 30_000);
});
