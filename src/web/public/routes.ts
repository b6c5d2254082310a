import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { homeRoutes } from './home.tsx';

/** Public pages (no account). */
export const publicRoutes = new Hono<AppEnv>().route('/', homeRoutes);
