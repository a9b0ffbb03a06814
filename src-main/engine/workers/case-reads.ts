import { caseCounts } from '../store/queries/case.js';
import { incidentList } from '../store/queries/incidents.js';
import { datasetSummary, overview } from '../store/queries/overview.js';
import { riskOverview } from '../store/queries/risk-overview.js';
import { timeline } from '../store/queries/timeline.js';

/**
 * The reads that take long on a large case (measured on 5M events: overview 23.6 s, timeline 3-5 s,
 * risk overview 4.4 s, dataset summary 1.9 s, counts 0.17 s, a filtered incident list 88 ms), which the
 * service runs in the read worker so the thread that serves the UI never waits for them.
 */
export const caseReads = { overview, datasetSummary, riskOverview, timeline, caseCounts, incidentList };

export type CaseReads = typeof caseReads;
export type CaseReadName = keyof CaseReads;
/** A read's arguments after the connection, which the worker supplies. */
export type CaseReadArguments<Name extends CaseReadName> = Parameters<CaseReads[Name]> extends [unknown, ...infer Rest] ? Rest : never;
