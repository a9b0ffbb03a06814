import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/command.js';
import { command } from '../../cli/commands/serve.js';
import { isLoopbackHost } from '../auth.js';

describe('vigil serve command', () => {
  it('refuses a non-loopback host without an explicit token', async () => {
    await expect(command.run(['--case', '/tmp/never-created.vigil', '--host', '0.0.0.0'])).rejects.toThrow(UsageError);
    await expect(command.run(['--case', '/tmp/never-created.vigil', '--host', '0.0.0.0'])).rejects.toThrow(/--token/);
  });

  it('recognises loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
