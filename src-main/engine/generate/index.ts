/** The synthetic login generator: realistic benign behaviour with labelled attacks, in three layouts. */
export { generate, type GenerateOutput, type GenerateSummary } from './generate.js';
export {
  defaultOptions,
  defaultStart,
  generateFormats,
  labelNames,
  parseScenarios,
  scenarioNames,
  usersForRows,
  type GenerateFormat,
  type GenerateOptions,
  type ScenarioName,
} from './options.js';
export { rbaHeader, authlogHost } from './writers.js';
