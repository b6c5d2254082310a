import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../../src/services/requests/request-input.ts';
import { formatsStep } from '../../../../src/web/requester/journey/steps/formats.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: formats', () => {
  it('keeps the chosen formats', async () => {
    expect(patchOf(await parse(formatsStep, { formats: [FORMATS[0]] })).formats).toEqual([FORMATS[0]]);
  });

  it('none or an unknown format is an error on the field', async () => {
    expect(errorsOf(await parse(formatsStep, {}))[0]?.field).toBe('formats');
    expect(errorsOf(await parse(formatsStep, { formats: ['exe'] })).length).toBeGreaterThan(0);
  });

  it('offers every format with its label and hint, in English too', async () => {
    const html = await renderView(formatsStep, stepCtx({}, 'en'));
    for (const f of FORMATS) expect(html).toContain(`value="${f}"`);
    expect(html).not.toContain('portal.format');
  });
});
