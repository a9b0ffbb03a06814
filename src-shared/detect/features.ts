import type { LoginContext } from './login-context.js';
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
  'automated client',
  'unusual hour',
  'travel speed',
  'travel distance',
  'user failures (burst)',
  'IP failures (burst)',
  'IP users (spray)',
  'network users (spray)',
  'campaign failures',
  'IP rarity',
  'IP never succeeded',
  'ASN rarity',
  'country rarity',
  'failures before success',
] as const;

/** Number of features per login. */
export const featureCount = featureNames.length;

/** How each feature is scaled, to read a value back for an explanation. */
const featureScales: readonly ('flag' | 'count' | 'km/h' | 'km' | 'seen' | 'users' | 'share' | 'bits')[] = [
  'flag', 'flag', 'count', 'flag', 'flag', 'flag', 'flag', 'flag', 'flag', 'flag',
  'bits', 'km/h', 'km', 'count', 'count', 'count', 'count', 'count', 'seen', 'flag', 'users', 'share', 'count',
];

/** A feature's value as a person reads it: "failure = yes", "IP failures (burst) = 23", "IP rarity = seen 2 times". */
export function describeFeature(column: number, value: number): string {
  const name = featureNames[column];
  switch (featureScales[column]) {
    case 'flag':
      return `${name} = ${value > 0 ? 'yes' : 'no'}`;
    case 'count':
      return `${name} = ${Math.round(Math.expm1(value))}`;
    case 'km/h':
    case 'km':
      return `${name} = ${Math.round(Math.expm1(value))} ${featureScales[column]}`;
    case 'seen':
      return `${name} = seen ${Math.round(1 / value - 1)} times`;
    case 'users':
      return `${name} = ${Math.round(1 / value - 1)} users`;
    case 'share':
      return `${name} = ${Math.round((1 - value) * 100)}% of logins from there`;
    case 'bits':
      return `${name} = ${value.toFixed(1)} bits`;
  }
}

const log1p = Math.log1p;
const ordinaryHourShare = 3 / 16;

/**
 * The numeric features of a login in its context, written into `row` at `offset` (featureCount values).
 * Counts are log-scaled so a burst of 200 is not two hundred times a burst of 1; novelty of the user's
 * habits counts only once the user's learning period is over, as in the rules.
 */
export function writeFeatures(login: DetectionLogin, context: LoginContext, row: Float64Array | Float32Array, offset = 0): void {
  const failure = login.success ? 0 : 1;
  const profiled = context.confidence;
  const travel = context.travel;
  const session = context.session;
  // The session's start, or for a session running on, the hour it has reached when that is rarer.
  const hourShare = session.continued ? Math.min(session.habit.share, session.activity.share) : session.habit.share;
  let index = offset;
  row[index++] = failure;
  row[index++] = context.knownUser ? 0 : 1;
  row[index++] = log1p(context.priorSuccesses);
  row[index++] = context.newIp ? 1 : 0;
  row[index++] = context.newNetwork ? 1 : 0;
  row[index++] = context.newAsn ? profiled : 0;
  row[index++] = context.newCountry ? profiled : 0;
  row[index++] = context.newCity ? profiled : 0;
  row[index++] = context.newDevice ? profiled : 0;
  row[index++] = login.deviceType === 'bot' ? 1 : 0;
  // Surprise of the session's hour in bits against an ordinary hour (3 h of a 16 h day).
  row[index++] = Math.max(0, -Math.log2(hourShare / ordinaryHourShare));
  row[index++] = travel && context.newCity ? log1p(travel.kmPerHour) : 0;
  row[index++] = travel && context.newCity ? log1p(travel.km) : 0;
  row[index++] = log1p(context.userBurst.failures);
  row[index++] = log1p(context.ipBurst.failures);
  row[index++] = log1p(context.ipUsers);
  row[index++] = log1p(context.networkUsers);
  row[index++] = failure ? log1p(context.campaignFailures) : 0;
  row[index++] = 1 / (1 + context.ipSeen);
  row[index++] = context.ipSuccesses === 0 ? 1 : 0;
  row[index++] = 1 / (1 + context.asnUsers);
  row[index++] = 1 - context.countryShare;
  row[index++] = failure ? 0 : log1p(context.userBurst.failures);
}
