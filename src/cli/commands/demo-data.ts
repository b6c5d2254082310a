import { translate } from '../../i18n/index.ts';
import { generateDemoHistory, RealDataPresentError } from '../../services/results/generate-demo-history.ts';
import type { Command } from '../command.ts';

const es = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('es-MX', key, params);
const YEAR = /^(20\d\d|2100)$/;

/** `demo-data --from 2023 --to 2026`: a demo history for the results pages, in its own database. */
export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: es('results.cli.summary'),
  usage: es('results.cli.usage'),
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    seed: { type: 'string' },
    force: { type: 'boolean' },
  },
  needsDatabase: true,
  async run({ values, runtime, out }) {
    const from = String(values.from ?? '');
    const to = String(values.to ?? '');
    if (!YEAR.test(from) || !YEAR.test(to) || Number(from) > Number(to)) {
      out(es('results.cli.bad_years'));
      return 1;
    }
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    try {
      const result = await generateDemoHistory(runtime!.deps, {
        fromYear: Number(from),
        toYear: Number(to),
        force: values.force === true,
        ...(seed !== undefined && Number.isInteger(seed) ? { seed } : {}),
      });
      out(es('results.cli.done', { count: result.requests, surveys: result.surveys, from, to }));
      return 0;
    } catch (err) {
      if (err instanceof RealDataPresentError) {
        out(es('results.cli.real_data', { count: err.count }));
        return 1;
      }
      throw err;
    }
  },
};
