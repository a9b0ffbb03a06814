import type { ApiErrorShape } from '../../src-shared/api/errors.js';

/**
 * What an IPC handler returns. Electron flattens a thrown error into "Error invoking remote method …",
 * losing its name, so failures travel as data and the preload rebuilds them.
 */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };
