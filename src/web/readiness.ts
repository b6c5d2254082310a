import { Hono } from 'hono';
import { readiness } from '../services/ops/readiness.ts';
import type { AppEnv } from './context.ts';
import { mayScrape } from './metrics.ts';

/**
 * /readyz: the status for everyone (load balancers), the details (signer state, migration counts,
 * queue ages) only for who may read /metrics: this machine directly, or METRICS_TOKEN's holder.
 */
export const readinessRoutes = new Hono<AppEnv>().get('/readyz', async (c) => {
  const result = await readiness(c.var.deps);
  c.header('Cache-Control', 'no-store');
  const code = result.status === 'ok' ? 200 : 503;
  return c.json(mayScrape(c) ? result : { status: result.status }, code);
});
