import type { CaseReadArguments, CaseReadName } from './case-reads.js';
import type { WorkerError } from './protocol.js';

/** Messages to the read worker: run one read of `caseReads` on its connection to `casePath`. */
export interface ReadRequest<Name extends CaseReadName = CaseReadName> {
  seq: number;
  casePath: string;
  name: Name;
  arguments: CaseReadArguments<Name>;
}

/** Messages from the read worker. */
export type ReadReply = { seq: number; type: 'result'; result: unknown } | { seq: number; type: 'error'; error: WorkerError };
