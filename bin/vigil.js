#!/usr/bin/env node
// The `vigil` command: runs the TypeScript CLI on plain Node through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
