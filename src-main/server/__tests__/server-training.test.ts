import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ModelRun, VigilEvent } from '../../../src-shared/api.js';
import { detectionCase, type DetectionCase } from '../../engine/__tests__/detection-case.js';
import { startServer, type RunningServer } from '../server.js';

const token = 'training-token-0123456789abcdef';
let subject: DetectionCase;
let server: RunningServer | null = null;
let rendererDir: string;

beforeAll(async () => {
  subject = await detectionCase((event) => server?.broadcast(event));
  rendererDir = mkdtempSync(join(tmpdir(), 'vigil-renderer-'));
  server = await startServer({ api: subject.service, host: '127.0.0.1', port: 0, token, rendererDir });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await subject?.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

function rpc(method: string, args: unknown): Promise<Response> {
  return fetch(`${server?.url}api/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
}

describe('training over vigil serve', () => {
  it('validates the models and parameters at the boundary', async () => {
    const bad = await rpc('trainModels', [{ seed: 1, models: { freeman: true, forest: { trees: 0, maxSamples: 256 }, autoencoder: false } }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/trainModels at argument 0\.models\.forest/);
    expect((await rpc('trainModels', [{ seed: 1 }])).status).toBe(400);
  });

  it('answers trainModels with the run while progress and the end arrive over the WebSocket', async () => {
    const client = new WebSocket(`${server?.url.replace('http', 'ws')}api/events`, { headers: { Cookie: `vigil_token=${token}` } });
    await new Promise((resolve) => client.on('open', resolve));
    const pushed: VigilEvent[] = [];
    const finished = new Promise<void>((resolve) =>
      client.on('message', (data) => {
        const event = JSON.parse(String(data)) as VigilEvent;
        pushed.push(event);
        if (event.type === 'trainingFinished') resolve();
      }),
    );
    const response = await rpc('trainModels', [{ seed: 7, models: { freeman: true, forest: { trees: 20, maxSamples: 128 }, autoencoder: false } }]);
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: ModelRun };
    expect(result).toMatchObject({ status: 'complete', seed: 7, error: null });
    await finished;
    client.close();
    const progress = pushed.flatMap((event) => (event.type === 'trainingProgress' ? [event.progress] : []));
    expect(progress.map((state) => state.phase)).toEqual(expect.arrayContaining(['assess', 'forest', 'score']));
    expect(progress.at(-1)).toMatchObject({ phase: 'score', done: result.events, total: result.events });
    expect(pushed.at(-1)).toEqual({ type: 'trainingFinished', run: result, error: null });
    const evaluation = (await (await rpc('runEvaluation', [result.id])).json()) as { result: { quality: { auc: number } } };
    expect(evaluation.result.quality.auc).toBeGreaterThan(0.5);
  });
});
