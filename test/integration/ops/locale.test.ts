import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { translate } from '../../../src/i18n/index.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

describe.each(testEngines())('the second locale on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('Spanish by default, with a header link to English', async () => {
    const { app } = testApp(handle);
    const html = await (await app.request('/')).text();
    expect(html).toContain('<html lang="es-MX">');
    expect(html).toContain(`href="/?lang=en" lang="en">${translate('es-MX', 'layout.language_switch')}</a>`);
  });

  it('?lang=en switches to English and the cookie keeps it on the next pages', async () => {
    const { app } = testApp(handle);
    const first = await app.request('/?lang=en');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toContain('HttpOnly');
    const next = await (await app.request('/', { headers: { Cookie: 'lang=en' } })).text();
    expect(next).toContain('<html lang="en">');
    expect(next).toContain(translate('en', 'layout.nav.request'));
    // The switch leads back to Spanish.
    expect(next).toContain(`href="/?lang=es" lang="es-MX">${translate('en', 'layout.language_switch')}</a>`);
  });

  it('an unknown language falls back to Spanish', async () => {
    const { app } = testApp(handle);
    const html = await (await app.request('/?lang=fr')).text();
    expect(html).toContain('<html lang="es-MX">');
  });
});
