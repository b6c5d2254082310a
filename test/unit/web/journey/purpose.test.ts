import { describe, expect, it } from 'vitest';
import { purposeStep } from '../../../../src/web/requester/journey/steps/purpose.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: purpose', () => {
  it('keeps a purpose of ten characters or more', async () => {
    expect(patchOf(await parse(purposeStep, { purpose: 'Un diagnóstico municipal' })).purpose).toBe(
      'Un diagnóstico municipal',
    );
  });

  it('a short purpose is an error on the field, the text kept', async () => {
    const result = await parse(purposeStep, { purpose: 'corto' });
    expect(errorsOf(result)[0]).toMatchObject({ field: 'purpose' });
    expect('raw' in result && result.raw.purpose).toBe('corto');
  });

  it('shows the text typed before', async () => {
    expect(await renderView(purposeStep, stepCtx({ purpose: 'Para una tesis' }))).toContain('Para una tesis');
  });
});
