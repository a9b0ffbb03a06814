import type { IncomingMessage, ServerResponse } from 'node:http';
import { NoTrainedModelError, type RiskApiService } from '../engine/response/risk-api-service.js';
import { parseScoreRequest } from '../engine/response/score-request.js';
import { sendJson } from './respond.js';

/** A score request is one small JSON object. */
const maximumBodyBytes = 64 * 1024;
const defaultAlertLimit = 50;
const maximumAlertLimit = 1000;

/** Whether a path belongs to the risk API (the caller checks the token first). */
export function isRiskApiPath(pathname: string): boolean {
  return pathname === '/api/v1/score' || pathname === '/api/v1/alerts' || pathname === '/predict';
}

/**
 * `POST /api/v1/score` → `{risk, level, decision, reasons, locked_until?}`, `POST /predict` →
 * `{prediction, risk}`, `GET /api/v1/alerts?limit=` → the newest alerts; 409 until a model is trained.
 */
export async function handleRiskApi(service: RiskApiService, pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = pathname === '/api/v1/alerts' ? 'GET' : 'POST';
  if (request.method !== method) {
    response.setHeader('Allow', method);
    sendJson(response, 405, { error: { name: 'ValidationError', message: `use ${method} for ${pathname}` } });
    return;
  }
  try {
    if (method === 'GET') {
      const url = new URL(request.url ?? '/', 'http://vigil.invalid');
      const limit = alertLimit(url.searchParams.get('limit'));
      if (limit === null) return badRequest(response, `limit must be an integer 1–${maximumAlertLimit}`);
      sendJson(response, 200, { alerts: service.alerts(limit) });
      return;
    }
    // Requiring JSON makes a cross-site form post impossible without a CORS preflight.
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return badRequest(response, 'send the login as Content-Type: application/json');
    const body = await readBody(request);
    if (body === null) return badRequest(response, `the request body exceeds ${maximumBodyBytes} bytes`);
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      return badRequest(response, 'the request body is not valid JSON');
    }
    const parsed = parseScoreRequest(input);
    if ('message' in parsed) return badRequest(response, parsed.message);
    const answer = service.score(parsed.request);
    if (pathname === '/predict') sendJson(response, 200, { prediction: answer.decision === 'allow' ? 'Normal' : 'Anomaly', risk: answer.risk });
    else sendJson(response, 200, answer);
  } catch (error) {
    if (error instanceof NoTrainedModelError) {
      sendJson(response, 409, { error: { name: 'Busy', message: error.message } });
      return;
    }
    throw error;
  }
}

function badRequest(response: ServerResponse, message: string): void {
  sendJson(response, 400, { error: { name: 'ValidationError', message } });
}

function alertLimit(text: string | null): number | null {
  if (text === null) return defaultAlertLimit;
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 1 && limit <= maximumAlertLimit ? limit : null;
}

// Resolves null when the body is too large.
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) {
        resolve(null);
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
