import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** Staff back office, mounted at /staff. */
export const staffRoutes = new Hono<AppEnv>();
