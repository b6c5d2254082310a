import { Hono } from 'hono';
import { readiness } from '../services/ops/readiness.ts';
import type { AppEnv } from './context.ts';

export const readinessRoutes = new Hono<AppEnv>().get('/readyz', async (c) => {
  const result = await readiness(c.var.deps);
  c.header('Cache-Control', 'no-store');
  return c.json(result, result.status === 'ok' ? 200 : 503);
});
