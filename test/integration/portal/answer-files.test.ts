import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aDeliveredAnswerWithFiles } from '../../helpers/delivered-answer.ts';

/** The visible text of a page, one space between words. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(testEngines())("the requester's list of answer files on %s", (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock: fixedClock('2026-11-25T17:00:00Z') }));
  });
  afterAll(() => handle.close());

  it('names each file in words with its format and size, offers the ZIP as "Descargar todo", and says when links expire', async () => {
    const { files, page } = await aDeliveredAnswerWithFiles(
      deps,
      {},
      {
        indicators: [{ id: 'population_total', name: 'Población total' }],
        omitted: [
          {
            format: 'map',
            reason:
              'No se elaboró el mapa: el área de la solicitud no se pudo ubicar en el Estado de México.',
          },
        ],
      },
    );
    const res = await app.request(page);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    for (const label of [
      'Oficio de respuesta firmado (PDF, 86 KB)',
      'Tabla de datos (Excel, 12 KB)',
      'Tabla de datos en texto (CSV, 3 KB)',
      'Descripción de las columnas del CSV (JSON, 2 KB)',
      'Gráfica: Población total (imagen PNG, 140 KB)',
      'Descargar todo (ZIP, 1.5 MB)',
    ])
      expect(text).toContain(label);
    // No internal kinds, no bare file names as link text.
    expect(text).not.toMatch(/\((csv_meta|chart|zip|xlsx|oficio)\)/);
    expect(html).not.toMatch(/>\s*[\w.-]+\.(xlsx|csv|json|png|zip|pdf)\s*</);
    // Delivered on 24 November: the e-mail's links expire 30 days later, in words.
    expect(text).toContain('Los enlaces del correo de entrega vencen el 24 de diciembre de 2026');
    expect(text).toContain('Lo que pediste y no se incluye');
    expect(text).toContain('No se elaboró el mapa: el área de la solicitud no se pudo ubicar');

    // Every listed link downloads the file it names.
    const xlsx = files.find((f) => f.kind === 'xlsx')!;
    const href = new RegExp(`href="([^"]+${xlsx.sha256})"`).exec(html)![1]!;
    const download = await app.request(href);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).length).toBe(12_345);
  });

  it('an answer prepared before omissions were recorded: each asked chart or map without a file is stated', async () => {
    const { page } = await aDeliveredAnswerWithFiles(
      deps,
      { formats: ['xlsx', 'chart', 'map'] },
      { indicators: [{ id: 'population_total', name: 'Población total' }] },
    );
    const text = textOf(await (await app.request(page)).text());
    expect(text).toContain('No se incluye Mapa: no fue posible elaborarlo');
    // The chart was produced: nothing said about it.
    expect(text).not.toContain('No se incluye Gráfica');
  });
});
