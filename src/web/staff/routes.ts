import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { adminRoutes } from './admin.tsx';
import { arcoStaffRoutes } from './arco.tsx';
import { auditRoutes } from './audit.tsx';
import { staffSessionGate } from './auth.ts';
import { mailAdminRoutes } from './mail.tsx';
import { outboxAdminRoutes } from './outbox.tsx';
import { queueRoutes } from './queue.tsx';
import { requestPageRoutes } from './request-page.tsx';
import { resultsRoutes } from './results.tsx';
import { signInRoutes } from './sign-in.tsx';
import { signingRoutes } from './signing.tsx';
import { workbenchRoutes } from './workbench.tsx';

/** Staff back office, mounted at /staff. */
export const staffRoutes = new Hono<AppEnv>();
// Every page under /staff but the sign-in ones needs a session.
staffRoutes.use('*', staffSessionGate);
staffRoutes.route('/', signInRoutes);
staffRoutes.route('/', queueRoutes);
// Before the request page: its POST /solicitudes/:folio/:slug would take /respuesta.
staffRoutes.route('/', workbenchRoutes);
staffRoutes.route('/', requestPageRoutes);
staffRoutes.route('/', signingRoutes);
staffRoutes.route('/', adminRoutes);
staffRoutes.route('/', auditRoutes);
staffRoutes.route('/', mailAdminRoutes);
staffRoutes.route('/', outboxAdminRoutes);
staffRoutes.route('/', resultsRoutes);
staffRoutes.route('/', arcoStaffRoutes);
