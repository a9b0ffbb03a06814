import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How many recent cases the File menu offers. */
const recentLimit = 8;

/** The recently opened case files, newest first, kept in a small JSON file. */
export interface RecentCases {
  list(): string[];
  add(path: string): void;
}

/** Recent cases stored at `file` (in the app's user-data directory); missing files are dropped. */
export function recentCases(file: string): RecentCases {
  const read = (): string[] => {
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && existsSync(entry)) : [];
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(path) {
      const next = [path, ...read().filter((entry) => entry !== path)].slice(0, recentLimit);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(next, null, 2));
    },
  };
}
