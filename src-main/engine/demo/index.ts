/** Trainer demo mode: a seeded population's history, then normal traffic and named attacks into a syslog listener. */
export { defaultDemoPopulation, historyEndFor, prepareHistory, type DemoPopulation } from './history.js';
export type { DemoPhase, DemoPlan, DemoItem } from './plan.js';
export { demoPopulation, runDemo, type DemoOptions, type DemoProgress, type DemoResult } from './run-demo.js';
export { demoScenarioNames, parseDemoScenarios, type DemoScenario } from './scenarios.js';
export { parseDemoTarget, type DemoTarget } from './target.js';
