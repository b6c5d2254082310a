import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { publishedAnswers } from '../../../src/db/schema/index.ts';
import { translate } from '../../../src/i18n/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { publishAnswers } from '../../../src/services/reuse/publish-answers.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { consentStep } from '../../../src/web/requester/journey/steps/consent.tsx';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { renderView, stepCtx } from '../../unit/web/journey/step-context.ts';
import { aDeliveredAnswer } from './published-answers.ts';

/** The visible text of an HTML page, one space between words. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.each(testEngines())('the publication rule on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const rule = translate('es-MX', 'portal.publication.rule');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock: fixedClock('2026-11-24T16:00:00Z') }));
  });
  afterAll(() => handle.close());

  it('the form and the privacy notice state the same rule, naming the checkbox the form shows', async () => {
    const form = textOf(await renderView(consentStep, stepCtx()));
    const notice = textOf(await (await app.request('/aviso-de-privacidad')).text());
    expect(form).toContain(rule);
    expect(notice).toContain(rule);
    expect(notice).toContain('Publicación de respuestas');
    // The rule quotes the checkbox's own words.
    const quoted = /«([^»]+)»/.exec(rule)![1]!;
    expect(translate('es-MX', 'portal.step.consent.publish_label').startsWith(quoted)).toBe(true);
    expect(form).toContain(quoted);
  });

  it('the code does what they say: only with consent, never the purpose, the free text or a drawn area', async () => {
    // What the rule promises, so a change of wording without a change of code (or the reverse) fails.
    expect(rule).toMatch(/si no lo marcas, no se publica/);
    expect(rule).toMatch(/propósito/);
    expect(rule).toMatch(/«Otro»/);
    expect(rule).toMatch(/área que dibujes/);
    const agreed = await aDeliveredAnswer(deps, {
      indicators: ['population_total'],
      geo: 'mun:15106',
      publishConsent: true,
      answeredBy: 'staff',
      purpose: 'Proyecto escolar de Lupita',
      otherText: 'y la colonia Las Flores',
    });
    const notAgreed = [
      await aDeliveredAnswer(deps, { geo: 'mun:15033', publishConsent: false, answeredBy: 'auto' }),
      await aDeliveredAnswer(deps, { geo: 'mun:15058', publishConsent: false, answeredBy: 'staff' }),
      await aDeliveredAnswer(deps, { geo: 'mun:15057', publishConsent: false, answeredBy: 'auto' }),
    ];
    const drawn = await aDeliveredAnswer(deps, { geo: 'polygon:0a1b2c3d4e5f', publishConsent: true });
    await publishAnswers(deps);
    const ids = (await handle.db.select().from(publishedAnswers)).map((r) => r.requestId);
    expect(ids).toEqual([agreed.request.id]);
    for (const r of [...notAgreed, drawn]) expect(ids).not.toContain(r.request.id);

    const list = await (await app.request('/respuestas')).text();
    const href = /href="(\/respuestas\/[A-Za-z0-9_-]{6,})"/.exec(list)![1]!;
    const detail = await (await app.request(href)).text();
    for (const page of [list, detail]) {
      expect(page).not.toContain('Proyecto escolar');
      expect(page).not.toContain('Las Flores');
      expect(page).not.toContain(agreed.request.requesterName);
    }
  });
});
