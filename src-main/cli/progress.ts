export { formatBytes, formatCount } from '../../src-shared/format.js';

/** Progress on a terminal: one rewritten line on a TTY, a plain line every few seconds otherwise. */
export interface ProgressLine {
  update(text: string, fraction: number | null): void;
  done(): void;
}

/** A progress line writer for the given stream. */
export function createProgressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(text, fraction) {
      if (tty) {
        const width = 24;
        const filled = fraction === null ? 0 : Math.round(Math.min(1, fraction) * width);
        const bar = fraction === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% `;
        stream.write(`\r\x1b[2K${bar}${text}`);
        drawn = true;
      } else if (Date.now() - lastPlain >= 2000) {
        lastPlain = Date.now();
        stream.write(`${fraction === null ? '' : `${(fraction * 100).toFixed(0)}% `}${text}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\r\x1b[2K');
    },
  };
}
