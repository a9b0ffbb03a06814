import { readdirSync, readFileSync } from 'node:fs';

/** The fields of a /proc `stat` file after the parenthesised command name: the state first, then the parent's pid… */
export function statFields(path: string): string[] {
  return readFileSync(path, 'utf8').split(') ')[1].split(' ');
}

/** The pids of the engine processes whose parent is `parent` (Linux: read from /proc). */
export function engineProcessesOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const parentPid = Number(statFields(`/proc/${pid}/stat`)[1]);
        return parentPid === parent && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('engine-host.mjs');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** How many threads a process has. */
export function threadCount(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).length;
}
