import type { LoginContext } from './behaviour-state.js';
import type { DetectionLogin } from './login.js';

/** Names of the engineered numeric features, in matrix column order (also the explanation labels). */
export const featureNames = [
  'failure',
  'unknown user',
  'user history',
  'new IP',
  'new network',
  'new ASN',
  'new country',
  'new city',
  'new device',
  'unusual hour',
  'travel speed',
  'travel distance',
  'user failures (burst)',
  'IP failures (burst)',
  'IP users (spray)',
  'network users (spray)',
  'IP rarity',
  'ASN rarity',
  'country rarity',
  'failures before success',
] as const;

/** Number of features per login. */
export const featureCount = featureNames.length;

const log1p = Math.log1p;

/**
 * The numeric features of a login in its context, written into `row` (length featureCount).
 * Counts are log-scaled so a burst of 200 is not two hundred times a burst of 1.
 */
export function writeFeatures(login: DetectionLogin, context: LoginContext, row: Float64Array | Float32Array, offset = 0): void {
  const travel = context.travel;
  const values = [
    login.success ? 0 : 1,
    context.priorSuccesses === 0 ? 1 : 0,
    log1p(context.priorSuccesses),
    context.newIp ? 1 : 0,
    context.newNetwork ? 1 : 0,
    context.newAsn ? 1 : 0,
    context.newCountry ? 1 : 0,
    context.newCity ? 1 : 0,
    context.newDevice ? 1 : 0,
    1 - Math.min(1, context.hourUsualness),
    travel ? log1p(travel.kmPerHour) : 0,
    travel ? log1p(travel.km) : 0,
    log1p(context.userBurst.failures),
    log1p(context.ipBurst.failures),
    log1p(context.ipUsers),
    log1p(context.networkUsers),
    1 / (1 + context.ipSeen),
    1 / (1 + context.asnUsers),
    1 - context.countryShare,
    login.success ? log1p(context.userBurst.failures) : 0,
  ];
  for (let index = 0; index < featureCount; index++) row[offset + index] = values[index];
}
