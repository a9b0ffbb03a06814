/**
 * The one contract between UI and engine (DESIGN.md rule 2): method interface, argument schemas,
 * pushed events and the shared result types. Implemented by engine/service.ts, bound by app/ (IPC)
 * and server/ (HTTP + WebSocket), consumed by the renderer's client.
 */
export * from './api/alerts.js';
export * from './api/allowlist.js';
export * from './api/arguments.js';
export * from './api/bridge.js';
export * from './api/case.js';
export * from './api/common.js';
export * from './api/contract.js';
export * from './api/detection.js';
export * from './api/errors.js';
export * from './api/evaluation.js';
export * from './api/events.js';
export * from './api/live.js';
export * from './api/lockouts.js';
export * from './api/methods.js';
export * from './api/overview.js';
export * from './api/push.js';
export * from './api/settings.js';
export * from './api/timeline.js';
export * from './api/users.js';
export * from './api/content-policy.js';
