import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { journeyRoutes } from '../requester/journey.tsx';
import { portalRoutes } from '../requester/portal.tsx';
import { datosRoutes } from './datos.tsx';
import { downloadRoutes } from './downloads.ts';
import { statisticsRoutes } from './estadisticas.tsx';
import { homeRoutes } from './home.tsx';
import { verifyRoutes } from './verify.tsx';

/** Public pages (no account). */
export const publicRoutes = new Hono<AppEnv>()
  .route('/', homeRoutes)
  .route('/', journeyRoutes)
  .route('/', portalRoutes)
  .route('/', statisticsRoutes)
  .route('/', datosRoutes)
  .route('/', verifyRoutes)
  .route('/', downloadRoutes);
