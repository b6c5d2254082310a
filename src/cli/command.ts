import type { Runtime } from '../bootstrap.ts';

/** One CLI command. `run` gets the parsed options and (when `needsDatabase`) a bootstrapped runtime. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** node:util parseArgs option spec. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  needsDatabase: boolean;
  run(ctx: {
    values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    positionals: string[];
    runtime: Runtime | undefined;
    out: (line: string) => void;
  }): Promise<number | undefined>;
};
