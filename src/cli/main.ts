import { runCli } from './index.ts';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Error: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
