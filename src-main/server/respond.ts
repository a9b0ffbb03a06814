import type { ServerResponse } from 'node:http';
import type { ApiErrorName, ApiErrorShape } from '../../src-shared/api.js';

/** HTTP status for each contract error. */
export const errorStatus: Record<ApiErrorName, number> = {
  ValidationError: 400,
  Unauthorized: 401,
  NotFound: 404,
  Busy: 409,
  ImportError: 422,
  NotAvailable: 501,
  InternalError: 500,
};

/** Headers every response carries. */
export const baseHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Send a JSON body that is never cached. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Send a contract error with its status. */
export function sendError(response: ServerResponse, error: ApiErrorShape): void {
  sendJson(response, errorStatus[error.name], { error });
}
