import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { VigilEvent } from '../../../src-shared/api.js';
import { createRiskApiService } from '../../engine/response/risk-api-service.js';
import { createService } from '../../engine/service.js';
import { openCase } from '../../engine/store/database.js';
import { generateToken, isLoopbackHost } from '../../server/auth.js';
import { ensureRendererBuilt } from '../../server/build-renderer.js';
import { defaultRendererDir } from '../../server/renderer-dir.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { UsageError, type Command } from '../command.js';

const usage = 'vigil serve --case CASE.vigil [--host 127.0.0.1] [--port 4820] [--token TOKEN] [--risk-api]';

/** `vigil serve`: the UI and the contract over HTTP for one case, until interrupted. */
export const command: Command = {
  summary: 'Serve the Vigil UI for one case in a browser (headless mode, token required)',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4820' },
        token: { type: 'string' },
        renderer: { type: 'string' },
        'risk-api': { type: 'boolean', default: false },
      },
    });
    if (!values.case) throw new UsageError('--case is required');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not '${values.port}'`);
    if (!isLoopbackHost(values.host) && !values.token) {
      throw new UsageError(
        `refusing to listen on ${values.host} with a generated token: anyone who can reach this address could read the case. ` +
          'Choose a token and pass it with --token (and share it only with your team), or keep the default --host 127.0.0.1.',
      );
    }
    if (values.token !== undefined && values.token.length < 16) throw new UsageError('--token must be at least 16 characters');
    const token = values.token ?? generateToken();

    const rendererDir = values.renderer ?? defaultRendererDir();
    if (!values.renderer) {
      const problem = ensureRendererBuilt(rendererDir, (text) => process.stdout.write(text));
      if (problem) process.stderr.write(`vigil serve: ${problem}\n`);
    }
    const created = !existsSync(values.case);
    const db = openCase(values.case);
    let server: RunningServer | null = null;
    const service = createService({ db, path: values.case, mode: 'server', actor: 'server', emit: (event: VigilEvent) => server?.broadcast(event) });
    try {
      server = await startServer({ api: service, host: values.host, port, token, rendererDir, riskApi: values['risk-api'] ? createRiskApiService(db, { actor: 'server' }) : undefined });
    } catch (error) {
      await service.dispose();
      db.close();
      throw error;
    }
    process.stdout.write(
      `Vigil is serving ${created ? 'the new case' : 'case'} ${values.case} at ${server.url}\n` +
        `Open this link (it carries the access token):\n  ${server.loginUrl}\n` +
        (values['risk-api'] ? `Risk API: POST ${server.url}api/v1/score and ${server.url}predict, GET ${server.url}api/v1/alerts (Authorization: Bearer TOKEN)\n` : '') +
        'Press Ctrl+C to stop.\n',
    );
    await waitForSignal();
    process.stdout.write('\nStopping: finishing the current batch of any import…\n');
    await service.dispose();
    await server.close();
    db.close();
    return 0;
  },
};

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
