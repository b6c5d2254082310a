import { ConflictError } from './errors.ts';

/** Every status a request can be in. The order is the usual path. */
export const REQUEST_STATUSES = [
  'received',
  'in_review',
  'clarification_requested',
  'assigned',
  'in_preparation',
  'pending_approval',
  'signed',
  'delivered',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'triage',
  'request_clarification',
  'answer_clarification',
  'expire_clarification',
  'assign',
  'start_preparation',
  'submit_for_approval',
  'return_for_changes',
  'sign',
  'deliver',
  'reject',
  'cancel',
  'auto_prepare',
  'auto_sign',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const OPEN_FOR_REJECTION: readonly RequestStatus[] = [
  'received',
  'in_review',
  'assigned',
  'in_preparation',
  'pending_approval',
];
const OPEN_FOR_CANCELLATION: readonly RequestStatus[] = [
  'received',
  'in_review',
  'clarification_requested',
  'assigned',
  'in_preparation',
  'pending_approval',
];

/** The lifecycle: for each action, the statuses it may start from and the status it leads to. */
export const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  triage: { from: ['received'], to: 'in_review' },
  request_clarification: { from: ['received', 'in_review'], to: 'clarification_requested' },
  answer_clarification: { from: ['clarification_requested'], to: 'in_review' },
  expire_clarification: { from: ['clarification_requested'], to: 'expired' },
  assign: { from: ['received', 'in_review'], to: 'assigned' },
  start_preparation: { from: ['assigned'], to: 'in_preparation' },
  submit_for_approval: { from: ['in_preparation'], to: 'pending_approval' },
  return_for_changes: { from: ['pending_approval'], to: 'in_preparation' },
  sign: { from: ['pending_approval'], to: 'signed' },
  deliver: { from: ['signed'], to: 'delivered' },
  reject: { from: OPEN_FOR_REJECTION, to: 'rejected' },
  cancel: { from: OPEN_FOR_CANCELLATION, to: 'cancelled' },
  auto_prepare: { from: ['received'], to: 'pending_approval' },
  auto_sign: { from: ['received'], to: 'signed' },
};

export function canTransition(from: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status `action` leads to from `from`; throws a conflict when the action is not allowed now. */
export function transition(from: RequestStatus, action: RequestAction): RequestStatus {
  if (!canTransition(from, action)) {
    throw new ConflictError('error.invalid_transition', { from, action });
  }
  return TRANSITIONS[action].to;
}

export function availableActions(from: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => canTransition(from, a));
}

export function isTerminal(status: RequestStatus): boolean {
  switch (status) {
    case 'delivered':
    case 'rejected':
    case 'cancelled':
    case 'expired':
      return true;
    case 'received':
    case 'in_review':
    case 'clarification_requested':
    case 'assigned':
    case 'in_preparation':
    case 'pending_approval':
    case 'signed':
      return false;
  }
}

/** While waiting for the requester the working-hours clock is stopped (prevención). */
export function isClockPaused(status: RequestStatus): boolean {
  return status === 'clarification_requested';
}
