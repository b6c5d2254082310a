import { sendSlaAlerts } from '../../services/staff/send-sla-alerts.ts';
import type { Sweep } from './types.ts';

export const slaAlertsSweep: Sweep = {
  name: 'sla-alerts',
  everyMs: 5 * 60_000,
  run: (deps) => sendSlaAlerts(deps, deps.clock.now()),
};
