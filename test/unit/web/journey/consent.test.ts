import { describe, expect, it } from 'vitest';
import { consentStep } from '../../../../src/web/requester/journey/steps/consent.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: consent', () => {
  it('privacy consent is required; publishing is optional', async () => {
    expect(patchOf(await parse(consentStep, { privacyConsent: 'yes' }))).toEqual({
      privacyConsent: true,
      publishConsent: false,
    });
    expect(patchOf(await parse(consentStep, { privacyConsent: 'yes', publishConsent: 'yes' }))).toEqual({
      privacyConsent: true,
      publishConsent: true,
    });
    const result = await parse(consentStep, { publishConsent: 'yes' });
    expect(errorsOf(result)[0]?.field).toBe('privacyConsent');
    expect('raw' in result && result.raw.publishConsent).toBe('yes');
  });

  it("names the agency and the notice's version and links the full notice", async () => {
    const ctx = stepCtx();
    const html = await renderView(consentStep, ctx);
    expect(html).toContain(ctx.agency.name);
    expect(html).toContain(String(ctx.agency.privacyNoticeVersion));
    expect(html).toContain('href="/aviso-de-privacidad"');
  });
});
