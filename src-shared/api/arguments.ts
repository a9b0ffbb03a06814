import { z } from 'zod';
import { allowListInputSchema } from './allowlist.js';
import { exportFormats, incidentChangeSchema, incidentFilterSchema } from './alerts.js';
import { importRequestSchema, pathSchema } from './case.js';
import { pageRequestSchema, timeRangeSchema } from './common.js';
import type { ApiArguments, ApiMethodName } from './contract.js';
import { trainingOptionsSchema } from './detection.js';
import { eventFilterSchema } from './events.js';
import { demoRequestSchema, listenerConfigSchema } from './live.js';
import { apiMethodNames } from './methods.js';
import { settingsPatchSchema } from './settings.js';
import { bucketSchema } from './timeline.js';

const id = z.number().int().min(1);

/** The argument tuple of every contract method, validated at each boundary (IPC and HTTP). */
export const argumentSchemas = {
  caseInfo: z.tuple([]),
  openCase: z.tuple([pathSchema]),
  newCase: z.tuple([pathSchema]),
  exportCase: z.tuple([pathSchema]),
  chooseImportFiles: z.tuple([]),
  importFiles: z.tuple([z.array(pathSchema).min(1).max(1000), importRequestSchema]),
  cancelImport: z.tuple([]),
  listSources: z.tuple([]),
  listRejects: z.tuple([id, pageRequestSchema]),
  overview: z.tuple([]),
  riskOverview: z.tuple([]),
  queryEvents: z.tuple([eventFilterSchema, pageRequestSchema]),
  getEvent: z.tuple([id]),
  listUsers: z.tuple([z.string().max(256), z.number().int().min(1).max(500)]),
  userProfile: z.tuple([z.string().min(1).max(256)]),
  timeline: z.tuple([timeRangeSchema.nullable(), bucketSchema]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([settingsPatchSchema]),
  trainingStatus: z.tuple([]),
  trainModels: z.tuple([trainingOptionsSchema]),
  cancelTraining: z.tuple([]),
  listModelRuns: z.tuple([]),
  runEvaluation: z.tuple([id]),
  listIncidents: z.tuple([incidentFilterSchema]),
  getIncident: z.tuple([id]),
  updateIncident: z.tuple([id, incidentChangeSchema]),
  exportIncidents: z.tuple([z.enum(exportFormats), incidentFilterSchema]),
  listAllowList: z.tuple([]),
  addAllowListEntry: z.tuple([allowListInputSchema]),
  removeAllowListEntry: z.tuple([id]),
  listLockouts: z.tuple([]),
  liftLockout: z.tuple([z.string().min(1).max(256)]),
  liveStatus: z.tuple([]),
  startLive: z.tuple([listenerConfigSchema]),
  stopLive: z.tuple([id]),
  startDemo: z.tuple([demoRequestSchema]),
  stopDemo: z.tuple([]),
} satisfies Record<ApiMethodName, z.ZodTuple>;

// Compile-time proof that schemas, method list and interface agree: a mismatch fails typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SchemaMatches = { [Name in ApiMethodName]: Same<z.output<(typeof argumentSchemas)[Name]>, ApiArguments<Name>> };
const schemasMatch: SchemaMatches = Object.fromEntries(apiMethodNames.map((name) => [name, true])) as { [Name in ApiMethodName]: true };
const namesComplete: Same<(typeof apiMethodNames)[number], ApiMethodName> = true;
void schemasMatch;
void namesComplete;

/** Why arguments were refused, in one line a developer can act on. */
export class ArgumentError extends Error {
  override name = 'ValidationError';
}

/** Validate untrusted arguments for a method; throws ArgumentError with the offending path. */
export function parseArguments<Name extends ApiMethodName>(method: Name, input: unknown): ApiArguments<Name> {
  const schema: z.ZodType = argumentSchemas[method];
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? ` at argument ${issue.path.join('.')}` : '';
    throw new ArgumentError(`invalid arguments for ${method}${where}: ${issue.message}`);
  }
  return result.data as ApiArguments<Name>;
}
