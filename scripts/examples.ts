// Rendered examples of what a requester receives, committed under docs/examples/ so the next person
// sees them without running anything: `npm run examples` (all) or `npm run examples -- map` (the
// examples whose file name contains "map"). Needs the official data (STATS_DATA_DIR or ../shared/data).
// To add an example, append a producer to EXAMPLES: a file name and a function returning its bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config/index.ts';
import { createLogger } from '../src/config/logger.ts';
import type { RequestRow } from '../src/db/requests.ts';
import { ensureDevSigners } from '../src/documents/dev-ca.ts';
import { issueOficio } from '../src/documents/issue.ts';
import { svgToPng } from '../src/documents/png.ts';
import { pdfPagesToPng } from '../src/documents/rasterize.ts';
import { fileSignerProvider } from '../src/documents/signer.ts';
import { answerDataFor, oficioDraftFor } from '../src/services/answers/compose.ts';
import { chartAndMapFiles } from '../src/services/answers/graphics.ts';
import { createStatsEngine, type StatsEngine } from '../src/stats/engine.ts';
import { parseDataDir } from '../src/stats/import.ts';

const OUT = join(PROJECT_ROOT, 'docs/examples');
/** Committed images stay small: a reader's clone should not grow by megabytes per example. */
const MAX_BYTES = 300 * 1024;
/** Maps are re-rendered from their SVG at this width for the docs (the answer's PNG is 1600 px). */
const DOC_MAP_WIDTH = 1100;

type Context = {
  dataDir: string;
  stats(): StatsEngine;
  config: ReturnType<typeof loadConfig>;
};

type Example = { file: string; what: string; produce: (ctx: Context) => Promise<Uint8Array> };

/** A request as the answer builder reads it: only the fields the figures come from. */
function request(over: {
  geo: string;
  geoGeojson?: unknown;
  indicators: string[];
  years: number[];
}): RequestRow {
  return {
    folio: 'COESPO-2026-000123',
    geoGeojson: null,
    receivedAt: new Date('2026-11-30T16:05:00Z'),
    requesterName: 'María Hernández López',
    requesterOrganization: 'Universidad Autónoma del Estado de México',
    otherText: null,
    ...over,
  } as unknown as RequestRow;
}

/** The chart or map file (by `kind` and `media`) the answer of `req` carries for `indicator`. */
async function graphic(
  ctx: Context,
  req: RequestRow,
  kind: 'chart' | 'map',
  nameIncludes: string,
): Promise<Uint8Array> {
  const deps = { stats: ctx.stats(), config: ctx.config, logger: createLogger('warn') };
  const data = answerDataFor(deps, req, new Date());
  const { files, omitted } = await chartAndMapFiles(deps, data, [kind], req.geoGeojson ?? undefined);
  if (kind === 'chart') {
    const png = files.find((f) => f.name.includes(nameIncludes) && f.mediaType === 'image/png');
    if (!png) throw new Error(`no chart ${nameIncludes}: ${omitted.map((o) => o.reason).join(' ')}`);
    return png.bytes;
  }
  const svg = files.find((f) => f.name.includes(nameIncludes) && f.mediaType === 'image/svg+xml');
  if (!svg) throw new Error(`no map ${nameIncludes}: ${omitted.map((o) => o.reason).join(' ')}`);
  return svgToPng(Buffer.from(svg.bytes).toString('utf8'), DOC_MAP_WIDTH);
}

/**
 * The oficio of `req`'s automatic answer, signed with the development seal (so it says «sin validez
 * oficial»), as a PNG of its page `page` (1-based).
 */
async function oficioPage(ctx: Context, req: RequestRow, page: number): Promise<Uint8Array> {
  const deps = { stats: ctx.stats(), config: ctx.config, logger: createLogger('warn') };
  const issuedAt = new Date('2026-11-30T16:05:09Z');
  const data = answerDataFor(deps, req, issuedAt);
  const graphics = await chartAndMapFiles(deps, data, ['chart', 'map'], req.geoGeojson ?? undefined);
  const files = graphics.files.map((f) => ({
    name: f.name,
    kind: f.kind,
    mediaType: f.mediaType,
    size: f.bytes.length,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
  }));
  const { agency } = ctx.config;
  const draft = oficioDraftFor(deps, req, { ...data, omitted: graphics.omitted }, files, {
    number: `${agency.code}/DO/2026/000123`,
    code: 'K7QF-2M9X-T4BD',
    issuedAt,
    signatory: agency.signatory,
  });
  const signers = mkdtempSync(join(tmpdir(), 'dato-examples-'));
  ensureDevSigners(signers, issuedAt, {
    name: agency.name,
    signatoryName: agency.signatory.name,
    signatoryPost: agency.signatory.post,
  });
  const { pdf } = await issueOficio(draft, await fileSignerProvider(signers).seal(issuedAt));
  const pages = await pdfPagesToPng(pdf, 70);
  if (!pages?.[page - 1]) throw new Error('pdftoppm (poppler-utils) is needed to render the oficio');
  return pages[page - 1]!;
}

// A drawn area over central Toluca and Metepec (about 10 × 8 km).
const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [-99.7, 19.25],
      [-99.6, 19.25],
      [-99.6, 19.32],
      [-99.7, 19.32],
      [-99.7, 19.25],
    ],
  ],
};

// The request behind both oficio pages: three indicators for Toluca, 2015 and 2020.
const TOLUCA_OFICIO = request({
  geo: 'mun:15106',
  indicators: ['population_total', 'pct_dwellings_internet', 'pct_60_plus'],
  years: [2015, 2020],
});

export const EXAMPLES: Example[] = [
  {
    file: 'oficio-toluca-p1.png',
    what: "The signed oficio's first page (letterhead, figures with their citation numbers)",
    produce: (ctx) => oficioPage(ctx, TOLUCA_OFICIO, 1),
  },
  {
    file: 'oficio-toluca-p2.png',
    what: "The oficio's sources as numbered citations, notes, attachments, signature and QR",
    produce: (ctx) => oficioPage(ctx, TOLUCA_OFICIO, 2),
  },
  {
    file: 'chart-serie-toluca.png',
    what: 'Line over the census years for one municipality',
    produce: (ctx) =>
      graphic(
        ctx,
        request({
          geo: 'mun:15106',
          indicators: ['population_total'],
          years: [1990, 1995, 2000, 2005, 2010, 2015, 2020],
        }),
        'chart',
        'population-total',
      ),
  },
  {
    file: 'chart-municipios-zm-toluca.png',
    what: "Bars across a metropolitan zone's municipalities for one year",
    produce: (ctx) =>
      graphic(
        ctx,
        request({ geo: 'zm:15.02', indicators: ['pct_dwellings_internet'], years: [2020] }),
        'chart',
        'internet',
      ),
  },
  {
    file: 'chart-conjunto-de-municipios.png',
    what: 'Lines over the years for a set of municipalities',
    produce: (ctx) =>
      graphic(
        ctx,
        request({
          geo: 'set:15033,15058,15104,15057',
          indicators: ['population_total'],
          years: [1990, 2000, 2010, 2020],
        }),
        'chart',
        'population-total',
      ),
  },
  {
    file: 'map-region-tenancingo.png',
    what: 'Choropleth of a region',
    produce: (ctx) =>
      graphic(
        ctx,
        request({ geo: 'region:13', indicators: ['population_total'], years: [2020] }),
        'map',
        'population-total',
      ),
  },
  {
    file: 'map-zm-toluca.png',
    what: 'Choropleth of a metropolitan zone',
    produce: (ctx) =>
      graphic(
        ctx,
        request({ geo: 'zm:15.02', indicators: ['pct_dwellings_internet'], years: [2020] }),
        'map',
        'internet',
      ),
  },
  {
    file: 'map-estado.png',
    what: 'Choropleth of the whole state',
    produce: (ctx) =>
      graphic(
        ctx,
        request({ geo: 'state:15', indicators: ['pct_60_plus'], years: [2020] }),
        'map',
        'pct-60-plus',
      ),
  },
  {
    file: 'map-ubicacion-toluca.png',
    what: 'Locator map of one municipality',
    produce: (ctx) =>
      graphic(
        ctx,
        request({
          geo: 'mun:15106',
          indicators: ['population_total', 'pct_dwellings_internet'],
          years: [2020],
        }),
        'map',
        'ubicacion',
      ),
  },
  {
    file: 'map-ubicacion-poligono.png',
    what: 'Locator map of a drawn polygon',
    produce: (ctx) =>
      graphic(
        ctx,
        request({ geo: 'polygon', geoGeojson: POLYGON, indicators: ['population_total'], years: [2020] }),
        'map',
        'ubicacion',
      ),
  },
];

async function main(filter: string | undefined) {
  const config = loadConfig();
  const dataDir = config.statsDataDir ?? resolve(PROJECT_ROOT, '../shared/data');
  if (!existsSync(dataDir)) throw new Error(`Faltan los datos oficiales en ${dataDir} (STATS_DATA_DIR).`);
  let stats: StatsEngine | undefined;
  const ctx: Context = {
    dataDir,
    config: { ...config, statsDataDir: dataDir },
    stats() {
      if (!stats) {
        stats = createStatsEngine();
        stats.load(parseDataDir(dataDir));
      }
      return stats;
    },
  };
  mkdirSync(OUT, { recursive: true });
  for (const ex of EXAMPLES.filter((e) => !filter || e.file.includes(filter))) {
    const bytes = await ex.produce(ctx);
    if (bytes.length > MAX_BYTES) throw new Error(`${ex.file}: ${bytes.length} bytes > ${MAX_BYTES}`);
    writeFileSync(join(OUT, ex.file), bytes);
    console.log(`docs/examples/${ex.file}  ${Math.round(bytes.length / 1024)} KB  ${ex.what}`);
  }
}

await main(process.argv[2]);
