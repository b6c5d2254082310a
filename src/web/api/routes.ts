import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { openApiRoutes } from './openapi.ts';
import { askApiRoutes } from './preguntar.ts';
import { requestsApi } from './requests.ts';
import { serviceStatsApi } from './service-stats.ts';
import { statsApiRoutes } from './stats.ts';

/** JSON API, mounted at /api/v1. */
export const apiRoutes = new Hono<AppEnv>()
  .route('/', requestsApi)
  .route('/', serviceStatsApi)
  .route('/', statsApiRoutes)
  .route('/', askApiRoutes)
  .route('/', openApiRoutes);
