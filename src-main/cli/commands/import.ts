import { parseArgs } from 'node:util';
import type { ImportSummary } from '../../../src-shared/import.js';
import { openCase } from '../../engine/store/database.js';
import { importInWorker } from '../../engine/workers/run-import.js';
import { UsageError, type Command } from '../command.js';
import { importOptionSpecs, readImportOptions } from '../import-options.js';
import { createProgressLine, formatBytes, formatCount } from '../progress.js';

const usage = 'vigil import FILE... --case CASE.vigil [--format auto|rba|csv|jsonl|authlog|syslog|journal|cloud] [--tz ZONE] [--year YYYY] [--map field=column ...]';

/** `vigil import`: read log files into a case, with a progress bar and a summary per file. */
export const command: Command = {
  summary: 'Import log files (auto-detected format, gzip too) into a case file',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        case: { type: 'string' },
        ...importOptionSpecs,
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.case) throw new UsageError('--case is required');
    if (positionals.length === 0) throw new UsageError('name at least one FILE');
    const options = readImportOptions(values);

    // Create and migrate the case here, so a bad case path fails before any worker starts.
    openCase(values.case).close();
    const summaries: ImportSummary[] = [];
    let failed = 0;
    for (const path of positionals) {
      const progress = createProgressLine();
      // One unreadable file does not stop the others: it is reported, and the exit status says so.
      const summary = await importInWorker(values.case, path, {
        ...options,
        onProgress: (state) => {
          const seconds = state.elapsedMs / 1000;
          const rate = seconds > 0 ? state.eventsImported / seconds : 0;
          const fraction = state.bytesTotal > 0 ? state.bytesRead / state.bytesTotal : null;
          const remaining = fraction && fraction > 0 ? (seconds / fraction) * (1 - fraction) : null;
          progress.update(
            `${path}: ${formatBytes(state.bytesRead)}/${formatBytes(state.bytesTotal)}, ${formatCount(state.eventsImported)} events, ${formatCount(rate)}/s, ${formatCount(state.rejected)} rejected${remaining === null ? '' : `, ETA ${remaining.toFixed(0)} s`}`,
            fraction,
          );
        },
      })
        .catch((error: Error) => {
          process.stderr.write(`vigil import: ${error.message}\n`);
          failed++;
          return null;
        })
        .finally(() => progress.done());
      if (!summary) continue;
      summaries.push(summary);
      if (!values.json) process.stdout.write(describeSummary(summary));
    }
    if (values.json) process.stdout.write(JSON.stringify(summaries, null, 2) + '\n');
    return failed > 0 ? 1 : 0;
  },
};

/** The import summary an investigator reads: every line accounted for, and what was assumed. */
export function describeSummary(summary: ImportSummary): string {
  if (summary.alreadyImported) {
    return `${summary.path}: already imported (source #${summary.sourceId}, sha256 ${summary.sha256.slice(0, 12)}…): ${formatCount(summary.duplicates)} duplicate events, nothing added\n`;
  }
  const seconds = summary.elapsedMs / 1000;
  const lines = [
    `${summary.path} (${summary.format}${summary.resumed ? ', resumed' : ''}) → source #${summary.sourceId}`,
    `  read ${formatCount(summary.linesRead)} lines · imported ${formatCount(summary.eventsImported)} events · duplicate ${formatCount(summary.duplicates)} · rejected ${formatCount(summary.rejected)} · ignored ${formatCount(summary.ignored)} (not logins)`,
    `  ${seconds.toFixed(1)} s, ${formatCount(seconds > 0 ? summary.eventsImported / seconds : 0)} events/s · sha256 ${summary.sha256}`,
  ];
  for (const [reason, count] of Object.entries(summary.rejectedByReason).sort((a, b) => b[1] - a[1])) {
    lines.push(`  rejected ${formatCount(count)}: ${reason}`);
  }
  for (const assumption of summary.assumptions) lines.push(`  assumed ${assumption}`);
  return lines.join('\n') + '\n';
}
