import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, isApiMethodName, parseArguments, toErrorShape, type ApiMethodName, type VigilApi } from '../../src-shared/api.js';
import { sendError, sendJson } from './respond.js';

/** Largest request body accepted; contract arguments are small (paths, filters, pages). */
export const maximumBodyBytes = 1024 * 1024;

/**
 * `POST /api/rpc/<method>` with a JSON array of arguments → `{ result }` or `{ error: { name, message } }`.
 * Requiring `Content-Type: application/json` makes a cross-site form post impossible without a CORS preflight.
 */
export async function handleRpc(api: VigilApi, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendJson(response, 405, { error: { name: 'ValidationError', message: 'use POST for contract methods' } });
    return;
  }
  if (!isApiMethodName(method)) {
    sendError(response, { name: 'NotFound', message: `no contract method '${method}'` });
    return;
  }
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    sendError(response, { name: 'ValidationError', message: 'send the arguments as Content-Type: application/json' });
    return;
  }
  try {
    const body = await readBody(request);
    const input: unknown = body.trim() === '' ? [] : parseJson(body);
    const result = await call(api, method, parseArguments(method, input));
    sendJson(response, 200, { result: result ?? null });
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.name === 'InternalError') process.stderr.write(`vigil serve: ${method} failed: ${(error as Error).stack ?? shape.message}\n`);
    sendError(response, shape);
  }
}

/** Call a contract method with validated arguments; the cast is safe because parseArguments checked them. */
function call(api: VigilApi, method: ApiMethodName, args: unknown[]): Promise<unknown> {
  const target = api[method] as (...parameters: unknown[]) => Promise<unknown>;
  return target.apply(api, args);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('ValidationError', 'the request body is not valid JSON');
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) {
        reject(new ApiError('ValidationError', `the request body exceeds ${maximumBodyBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
