import { describe, expect, it } from 'vitest';
import { requesterStep } from '../../../../src/web/requester/journey/steps/requester.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: requester', () => {
  it('keeps the person, with the e-mail normalised and blanks as null', async () => {
    const patch = patchOf(
      await parse(requesterStep, { name: 'Ana López', email: ' Ana@Example.ORG ', sector: 'academia' }),
    );
    expect(patch.requester).toMatchObject({
      name: 'Ana López',
      email: 'ana@example.org',
      sector: 'academia',
    });
  });

  it('a bad e-mail and an unknown sector are errors on their fields, the input kept', async () => {
    const result = await parse(requesterStep, { name: 'Ana', email: 'no-es-correo', sector: 'marciano' });
    const fields = errorsOf(result).map((e) => e.field);
    expect(fields).toContain('requester.email');
    expect(fields).toContain('requester.sector');
    expect('raw' in result && result.raw.email).toBe('no-es-correo');
  });

  it("lists the agency's sectors and keeps the values typed", async () => {
    const html = await renderView(requesterStep, stepCtx(), { name: 'Ana', sector: 'osc' });
    expect(html).toContain('value="Ana"');
    expect(html).toContain('value="osc" checked');
  });
});
