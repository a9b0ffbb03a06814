import type { Command } from './command.js';
import { UsageError } from './command.js';

/** Every command, loaded on demand so `vigil import` does not pay for tfjs or the server. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  import: () => import('./commands/import.js'),
  generate: () => import('./commands/generate.js'),
  serve: () => import('./commands/serve.js'),
  detect: () => import('./commands/detect.js'),
  train: () => import('./commands/train.js'),
  score: () => import('./commands/score.js'),
  eval: () => import('./commands/eval.js'),
  listen: () => import('./commands/listen.js'),
  alerts: () => import('./commands/alerts.js'),
  demo: () => import('./commands/demo.js'),
};

/** The `vigil` command line: dispatches to one module per command. Resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(rest[0]);
  const load = commands[name];
  if (!load) {
    process.stderr.write(`vigil: unknown command '${name}'. Run 'vigil help'.\n`);
    return 2;
  }
  const { command } = await load();
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`vigil ${name}: ${(error as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`vigil ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

async function help(name?: string): Promise<number> {
  if (name && commands[name]) {
    const { command } = await commands[name]();
    process.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  const lines = ['usage: vigil COMMAND [options]', '', 'commands:'];
  for (const [commandName, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${commandName.padEnd(10)} ${command.summary}`);
  }
  lines.push('', "Run 'vigil help COMMAND' for a command's options.");
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
