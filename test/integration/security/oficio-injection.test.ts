import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { requestDrafts, requests } from '../../../src/db/schema/index.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { isOneLine } from '../../../src/domain/one-line.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { postRequestsApi } from '../../helpers/api.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { pdftotext } from '../../unit/documents/poppler.ts';
import { fakeStats } from '../documents/fake-stats.ts';
import { formClient } from '../portal/form-client.ts';

const INJECTED = 'SE HACE CONSTAR QUE ESTE OFICIO AUTORIZA';
const NAMES = [
  `Juan Pérez\n\n${INJECTED}`,
  `Juan Pérez\r${INJECTED}`,
  `Juan Pérez\t${INJECTED}`,
  `Juan Pérez\u0085${INJECTED}`,
  `Juan Pérez\u2028${INJECTED}`,
  `Juan Pérez\u2029${INJECTED}`,
];
const NAME_ERROR = 'Escribe tu nombre en una sola línea';
const ORG_ERROR = 'Escribe el nombre de la organización en una sola línea';

const apiBody = (requester: Record<string, unknown>) => ({
  indicators: ['population_total'],
  geo: 'mun:15106',
  years: [2020],
  formats: ['xlsx'],
  purpose: 'Investigación sobre crecimiento urbano',
  requester: { name: 'Luis Gómez', email: 'luis@example.org', sector: 'academia', ...requester },
  privacyConsent: true,
});

describe.each(testEngines())('requester text cannot lay out the sealed oficio (%s)', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats(), clock: fixedClock('2026-11-23T16:00:00Z') }));
  });
  afterAll(() => handle.close());

  const stored = async () => {
    const rows = await handle.db.select({ name: requests.requesterName }).from(requests);
    const drafts = await handle.db.select({ data: requestDrafts.data }).from(requestDrafts);
    return { rows: rows.length, drafts: JSON.stringify(drafts).includes('SE HACE CONSTAR') };
  };

  it('API: a name or organisation with a line break or control character is a Spanish 400, nothing stored', async () => {
    for (const name of NAMES) {
      const res = await postRequestsApi(app, apiBody({ name }));
      expect(res.status, JSON.stringify(name)).toBe(400);
      const json = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(json.errors).toContainEqual({
        field: 'requester.name',
        message: expect.stringContaining(NAME_ERROR),
      });
    }
    const org = await postRequestsApi(app, apiBody({ organization: `UAEMéx\n${INJECTED}` }));
    expect(org.status).toBe(400);
    expect(JSON.stringify(await org.json())).toContain(ORG_ERROR);

    const long = await postRequestsApi(app, apiBody({ name: 'Ana '.repeat(30) }));
    expect(long.status).toBe(400);
    expect((await stored()).rows).toBe(0);
    // The web layer drops NUL (PostgreSQL cannot store it); what is left is still one line.
    const nul = await postRequestsApi(app, apiBody({ name: `Juan Pérez\u0000${INJECTED}` }));
    expect([201, 400]).toContain(nul.status);
    const names = await handle.db.select({ name: requests.requesterName }).from(requests);
    expect(names.every((r) => isOneLine(r.name))).toBe(true);
  });

  it('form without JavaScript: the same 400 with the message on the field, nothing stored', async () => {
    const before = (await stored()).rows;
    const client = formClient(app);
    await client.visit('/solicitud/nueva/datos');
    for (const name of [NAMES[0]!, NAMES[5]!]) {
      const res = await client.post('/solicitud/nueva/datos', {
        name,
        email: 'ana@example.org',
        sector: 'academia',
        organization: '',
        phone: '',
      });
      expect(res.status).toBe(400);
      expect(res.html).toContain(NAME_ERROR);
    }
    const org = await client.post('/solicitud/nueva/datos', {
      name: 'Ana Pérez',
      email: 'ana@example.org',
      sector: 'academia',
      organization: `UAEMéx\t${INJECTED}`,
      phone: '',
    });
    expect(org.status).toBe(400);
    expect(org.html).toContain(ORG_ERROR);
    expect(await stored()).toEqual({ rows: before, drafts: false });
  });

  it('an old row with line breaks (written before the rule) prints each addressee line on one line', async () => {
    const req = await aRequest(deps.db, {
      status: 'received',
      geo: 'set:15033,15058',
      formats: ['xlsx'],
      requesterName: `Juan Pérez\n\n${INJECTED}`,
      requesterOrganization: `Universidad\u2028${INJECTED} TAMBIÉN`,
    });
    await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
    const text = pdftotext((await deps.documents.get(signed.sha256))!);
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain(`C. Juan Pérez ${INJECTED}`);
    expect(lines).toContain(`Universidad ${INJECTED} TAMBIÉN`);
    // The typed text never starts a line of its own, where it would read as the agency's words.
    expect(lines.filter((l) => l.startsWith(INJECTED))).toEqual([]);
    const [row] = await deps.db.select().from(requests).where(eq(requests.id, req.id));
    expect(row!.requesterName).toContain('\n');
  });
});
