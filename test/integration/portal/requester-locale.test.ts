import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, requests } from '../../../src/db/schema/index.ts';
import { type Actor, SYSTEM } from '../../../src/domain/actor.ts';
import type { Locale } from '../../../src/i18n/index.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { deliverAnswer } from '../../../src/services/answers/deliver-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { requestClarification } from '../../../src/services/staff/request-clarification.ts';
import { triageRequest } from '../../../src/services/staff/triage-request.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { fakeStats } from '../documents/fake-stats.ts';

// Issue 22: the language a request is made in is stored with it, and every later e-mail to the
// requester (status changes, prevención, delivery) is written in it, like the acknowledgment.
const VENTANILLA: Actor = { type: 'staff', id: 'v1', role: 'ventanilla' };

type MailPayload = { template: string; to: string; locale: Locale; data: { folio: string } };

describe.each(testEngines())('e-mails in the language the request was made in, on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z'); // Tuesday 11:00 in Toluca

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock, stats: fakeStats() }));
  });
  afterAll(() => handle.close());

  /** Submits through the JSON API with the page language `lang`; returns the stored request. */
  async function submitIn(lang: Locale, email: string) {
    const res = await app.request(`/api/v1/requests?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        indicators: ['population_total'],
        geo: 'mun:15033',
        years: [2020],
        formats: ['xlsx'],
        purpose: 'Research on urban growth in the state',
        requester: { name: 'Jane Doe', email, sector: 'academia' },
        privacyConsent: true,
      }),
    });
    expect(res.status).toBe(201);
    const { folio } = (await res.json()) as { folio: string };
    const [row] = await handle.db.select().from(requests).where(eq(requests.folio, folio));
    return row!;
  }

  async function mailsOf(folio: string): Promise<MailPayload[]> {
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    return jobs.map((j) => j.payload as MailPayload).filter((p) => p.data.folio === folio);
  }

  async function subject(mail: MailPayload) {
    return (await renderMail(mail.template, mail.data, mail.locale, deps.config.agency)).subject;
  }

  it('a request made in English gets its status, prevención and delivery e-mails in English', async () => {
    const req = await submitIn('en', 'jane.english@example.org');
    expect(req.requesterLocale).toBe('en');
    await triageRequest(deps, VENTANILLA, { folio: req.folio });
    await requestClarification(deps, VENTANILLA, {
      folio: req.folio,
      question: '¿Qué años necesitas exactamente?',
    });

    const mails = await mailsOf(req.folio);
    expect(mails.map((m) => [m.template, m.locale])).toEqual([
      ['request.acknowledgment', 'en'],
      ['request.status_changed', 'en'],
      ['request.clarification_requested', 'en'],
    ]);
    const subjects = await Promise.all(mails.map(subject));
    expect(subjects).toEqual([
      `We received your request ${req.folio}`,
      `Your request ${req.folio}: In review`,
      `Please clarify your request ${req.folio}`,
    ]);

    const other = await submitIn('en', 'jane.delivery@example.org');
    await buildAnswer(deps, { requestId: other.id }, SYSTEM);
    await signAnswer(deps, { requestId: other.id }, SYSTEM);
    await deliverAnswer(deps, { requestId: other.id }, SYSTEM);
    const delivered = (await mailsOf(other.folio)).find((m) => m.template === 'request.delivered')!;
    expect(delivered.locale).toBe('en');
    const rendered = await renderMail(
      delivered.template,
      delivered.data,
      delivered.locale,
      deps.config.agency,
    );
    expect(rendered.subject).toBe(`Official answer to your request ${other.folio}`);
    // The file descriptions inside the data are English too, not only the template's own text.
    expect(rendered.text).toContain('Data table');
    expect(rendered.text).not.toContain('Tabla de datos');
  });

  it('a request made in Spanish gets its later e-mails in Spanish', async () => {
    const req = await submitIn('es-MX', 'juana.espanol@example.org');
    expect(req.requesterLocale).toBe('es-MX');
    await triageRequest(deps, VENTANILLA, { folio: req.folio });
    const mails = await mailsOf(req.folio);
    expect(mails.map((m) => [m.template, m.locale])).toEqual([
      ['request.acknowledgment', 'es-MX'],
      ['request.status_changed', 'es-MX'],
    ]);
    expect(await subject(mails[1]!)).toBe(`Tu solicitud ${req.folio}: En revisión`);
  });
});
