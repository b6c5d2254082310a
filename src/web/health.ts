import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  try {
    await Promise.race([
      c.var.deps.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 2 s')), 2000).unref()),
    ]);
    return c.json({ status: 'ok', db: 'ok' });
  } catch (err) {
    return c.json({ status: 'error', db: 'unreachable', reason: (err as Error).message }, 503);
  }
});
