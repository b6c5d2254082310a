import type { DraftState } from '../../../services/requests/drafts.ts';
import { STEP_ORDER, type StepDef, type StepId } from './step.ts';
import { consentStep } from './steps/consent.tsx';
import { formatsStep } from './steps/formats.tsx';
import { geographyStep } from './steps/geography.tsx';
import { indicatorsStep } from './steps/indicators.tsx';
import { placeStep } from './steps/place.tsx';
import { purposeStep } from './steps/purpose.tsx';
import { requesterStep } from './steps/requester.tsx';
import { yearsStep } from './steps/years.tsx';

/** The journey's address. */
export const BASE = '/solicitud/nueva';

export const STEPS: Record<StepId, StepDef> = {
  indicadores: indicatorsStep,
  geografia: geographyStep,
  lugar: placeStep,
  anios: yearsStep,
  formatos: formatsStep,
  proposito: purposeStep,
  datos: requesterStep,
  consentimiento: consentStep,
};

export function isStep(s: string): s is StepId {
  return (STEP_ORDER as readonly string[]).includes(s);
}

export function applicableSteps(s: DraftState): StepId[] {
  return STEP_ORDER.filter((id) => STEPS[id].applies?.(s) ?? true);
}

/** The first step still unanswered, or null when the request is complete. */
export function firstMissingStep(s: DraftState): StepId | null {
  return applicableSteps(s).find((id) => !STEPS[id].done(s)) ?? null;
}

export function previousStep(s: DraftState, id: StepId): string {
  const steps = applicableSteps(s);
  const i = steps.indexOf(id);
  return i > 0 ? `${BASE}/${steps[i - 1]}` : '/';
}

export function nextAfter(s: DraftState, id: StepId): string {
  const steps = applicableSteps(s);
  const next = steps[steps.indexOf(id) + 1];
  return next ? `${BASE}/${next}` : `${BASE}/revisar`;
}
