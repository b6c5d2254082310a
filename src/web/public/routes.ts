import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { arcoRequesterRoutes } from '../requester/arco.tsx';
import { journeyRoutes } from '../requester/journey/routes.tsx';
import { portalRoutes } from '../requester/portal.tsx';
import { datosRoutes } from './datos.tsx';
import { downloadRoutes } from './downloads.ts';
import { statisticsRoutes } from './estadisticas.tsx';
import { homeRoutes } from './home.tsx';
import { preguntarRoutes } from './preguntar.tsx';
import { profileRoutes } from './profiles.tsx';
import { answersLibraryRoutes } from './respuestas.tsx';
import { verifyRoutes } from './verify.tsx';

/** Public pages (no account). */
export const publicRoutes = new Hono<AppEnv>()
  .route('/', homeRoutes)
  .route('/', journeyRoutes)
  .route('/', portalRoutes)
  .route('/', arcoRequesterRoutes)
  .route('/', statisticsRoutes)
  .route('/', datosRoutes)
  .route('/', preguntarRoutes)
  .route('/', profileRoutes)
  .route('/', verifyRoutes)
  .route('/', downloadRoutes)
  .route('/', answersLibraryRoutes);
