import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { publishAnswers } from '../../../src/services/reuse/publish-answers.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { formClient } from '../portal/form-client.ts';
import { aDeliveredAnswer } from './published-answers.ts';

const BASE = '/solicitud/nueva';

describe.each(testEngines())('"Ya existe información similar" in the journey on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T16:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
    await aDeliveredAnswer(deps, {
      indicators: ['population_total'],
      geo: 'mun:15106',
      years: [2020],
      queryKey: 'population_total|mun:15106|2020',
      publishConsent: true,
    });
    await publishAnswers(deps);
  });
  afterAll(() => handle.close());

  async function upToYears(geo: string) {
    const client = formClient(app);
    await client.get(`${BASE}/indicadores`);
    const steps: [string, Record<string, string | string[]>][] = [
      ['indicadores', { indicators: ['population_total'], otherText: '' }],
      ['geografia', { geoLevel: 'mun' }],
      ['lugar', { geo }],
    ];
    for (const [step, fields] of steps) {
      const r = await client.post(`${BASE}/${step}`, fields);
      expect(r.status, step).toBe(303);
    }
    return client.get(`${BASE}/anios`);
  }

  it('shows the published answer once the indicators and the place are chosen', async () => {
    const page = await upToYears('mun:15106');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Ya existe información similar');
    expect(page.html).toMatch(/href="\/respuestas\/[A-Za-z0-9_-]+"/);
  });

  it('shows nothing for a place without published answers', async () => {
    const page = await upToYears('mun:15033');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Ya existe información similar');
  });
});
