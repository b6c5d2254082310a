import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requestsApi } from './requests.ts';

/** JSON API, mounted at /api/v1. */
export const apiRoutes = new Hono<AppEnv>()
  .route('/', requestsApi);
