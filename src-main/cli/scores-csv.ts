import { BufferedFile, eventFields, csvField, reasonsField, scoresCsvHeader, verdictFields } from '../engine/detect/scores-csv.js';
import type { CaseDatabase } from '../engine/store/database.js';
import { iterateScoredEvents } from '../engine/store/scores.js';

/** Write a run's stored scores as SCORES.csv (see `scoresCsvHeader`). Returns the rows written. */
export function writeScoresCsv(db: CaseDatabase, runId: number, path: string): number {
  const file = new BufferedFile(path);
  let written = 0;
  let source = '';
  let sourceField = '';
  try {
    file.write(scoresCsvHeader);
    for (const row of iterateScoredEvents(db, runId)) {
      if (row.source !== source) [source, sourceField] = [row.source, csvField(row.source)];
      // Most scores have no reasons: skip parsing their '[]'.
      const reasons = row.reasons === '[]' ? '' : reasonsField(JSON.parse(row.reasons) as { reason: string }[]);
      file.write(eventFields(sourceField, row) + verdictFields(row.risk, row.level, row.decision, reasons));
      written++;
    }
  } finally {
    file.close();
  }
  return written;
}
