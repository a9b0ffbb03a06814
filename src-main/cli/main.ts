/** The `vigil` command line: dispatches to one module per command. */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  process.stdout.write(`vigil: ${command ?? 'no command'}\n`);
  return 0;
}
