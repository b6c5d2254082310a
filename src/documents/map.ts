import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GeoPath, type GeoProjection, geoDistance, geoMercator, geoPath } from 'd3-geo';
import type { PolygonGeometry } from '../domain/geography.ts';
import { type Locale, translate } from '../i18n/index.ts';
import type { AnswerData, DataRow, IndicatorMeta } from './data-model.ts';
import { fixedNumber, textWidth, wrapText } from './graphic-text.ts';
import { CHART_FONT, svgToPng } from './png.ts';
import { escapeXml } from './xml.ts';

export const MUNICIPAL_GEOJSON = 'edomex_municipios_mg2025_simplificado.geojson';
/** Drawn at 800 px and rasterised at 2×. */
const CANVAS_WIDTH = 800;
export const MAP_WIDTH_PX = CANVAS_WIDTH * 2;
const PAD = 24;

type Ring = [number, number][];
type Feature = {
  type: 'Feature';
  properties: { CVEGEO: string; NOMGEO: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
};
export type MunicipalBoundaries = { type: 'FeatureCollection'; features: Feature[] };
type Box = [[number, number], [number, number]];

// Planar signed area: positive when counter-clockwise (RFC 7946 exteriors).
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a / 2;
}

/** d3-geo is spherical and wants exterior rings clockwise (the opposite of RFC 7946); holes the other way. */
function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCw = i === 0;
    return ccw === wantCw ? [...ring].reverse() : ring;
  });
}

export function rewindForD3(fc: MunicipalBoundaries): MunicipalBoundaries {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: rewindPolygon(f.geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(rewindPolygon) },
    })),
  };
}

const cache = new Map<string, MunicipalBoundaries>();

/** The municipal boundaries from STATS_DATA_DIR (read at run time, never committed), rewound once. */
export function loadMunicipalBoundaries(statsDataDir: string): MunicipalBoundaries {
  const path = join(statsDataDir, MUNICIPAL_GEOJSON);
  let fc = cache.get(path);
  if (!fc) {
    fc = rewindForD3(JSON.parse(readFileSync(path, 'utf8')) as MunicipalBoundaries);
    cache.set(path, fc);
  }
  return fc;
}

// Sequential palette (light → dark wine), colour-blind safe in lightness.
const PALETTE = ['#f6e3e8', '#e3adbc', '#c7768e', '#9c3a5a', '#5e0d2b'];
const WINE = '#7a1236';
const NEIGHBOUR_FILL = '#eeeeee';
const NO_DATA_FILL = '#ffffff';

/**
 * Natural breaks (Jenks / Fisher): the `classes` groups of sorted values with the least spread within
 * each. Returns each class's [min, max] as found in the data, so legend ranges never overlap.
 */
export function naturalBreaks(values: number[], classes: number): [number, number][] {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const k = Math.max(1, Math.min(classes, new Set(v).size));
  // cost[i][j]: least within-class squared deviation of v[0..i] in j+1 classes; from[i][j]: start of the last.
  const cost = Array.from({ length: n }, () => new Array<number>(k).fill(Number.POSITIVE_INFINITY));
  const from = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  const sse = (a: number, b: number) => {
    let s = 0;
    let s2 = 0;
    for (let i = a; i <= b; i++) {
      s += v[i]!;
      s2 += v[i]! * v[i]!;
    }
    return s2 - (s * s) / (b - a + 1);
  };
  for (let i = 0; i < n; i++) cost[i]![0] = sse(0, i);
  for (let j = 1; j < k; j++)
    for (let i = j; i < n; i++)
      for (let s = j; s <= i; s++) {
        const c = cost[s - 1]![j - 1]! + sse(s, i);
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          from[i]![j] = s;
        }
      }
  const out: [number, number][] = [];
  let end = n - 1;
  for (let j = k - 1; j >= 0; j--) {
    const start = j === 0 ? 0 : from[end]![j]!;
    out.unshift([v[start]!, v[end]!]);
    end = start - 1;
  }
  return out;
}

// INEGI / CONAPO grades, lowest first; any other category keeps its alphabetical place after them.
const GRADE_ORDER = ['muy bajo', 'bajo', 'medio', 'alto', 'muy alto'];

function paletteFor(k: number): string[] {
  if (k === 1) return [PALETTE[3]!];
  return Array.from({ length: k }, (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (k - 1))]!);
}

type Legend = {
  colour: (v: number | string | undefined) => string;
  items: { colour: string; label: string }[];
};

function legendFor(values: (number | string)[], decimals: number, t: T): Legend {
  const nums = values.filter((v): v is number => typeof v === 'number');
  const noData = { colour: NO_DATA_FILL, label: t('map.no_data') };
  if (nums.length === values.length) {
    const classes = naturalBreaks(nums, PALETTE.length);
    const colours = paletteFor(classes.length);
    const classOf = (v: number) =>
      Math.max(
        0,
        classes.findIndex(([, max]) => v <= max),
      );
    return {
      colour: (v) => (typeof v === 'number' ? colours[classOf(v)]! : NO_DATA_FILL),
      items: [
        ...classes.map(([min, max], i) => {
          const count = nums.filter((n) => classOf(n) === i).length;
          const range =
            min === max
              ? fixedNumber(min, decimals)
              : `${fixedNumber(min, decimals)} – ${fixedNumber(max, decimals)}`;
          return { colour: colours[i]!, label: `${range}  (${t('map.legend_count', { count })})` };
        }),
        noData,
      ],
    };
  }
  const rank = (c: string) => {
    const i = GRADE_ORDER.indexOf(c.toLowerCase());
    return i < 0 ? GRADE_ORDER.length : i;
  };
  const cats = [...new Set(values.map(String))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'es'));
  const colours = paletteFor(cats.length);
  return {
    colour: (v) => (v === undefined ? NO_DATA_FILL : colours[cats.indexOf(String(v))]!),
    items: [
      ...cats.map((c, i) => ({
        colour: colours[i]!,
        label: `${c}  (${t('map.legend_count', { count: values.filter((v) => String(v) === c).length })})`,
      })),
      noData,
    ],
  };
}

type T = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => string;

function fitted(features: object[], box: Box): { projection: GeoProjection; path: GeoPath } {
  const projection = geoMercator().fitExtent(box, { type: 'FeatureCollection', features } as never);
  return { projection, path: geoPath(projection).digits(1) };
}

function overlaps(b: Box, frame: Box): boolean {
  return b[0][0] <= frame[1][0] && b[1][0] >= frame[0][0] && b[0][1] <= frame[1][1] && b[1][1] >= frame[0][1];
}

/** A scale bar of a round length, bottom-left at (x, y), for the projection's centre of `box`. */
function scaleBar(projection: GeoProjection, box: Box, x: number, y: number): string {
  const cx = (box[0][0] + box[1][0]) / 2;
  const cy = (box[0][1] + box[1][1]) / 2;
  const a = projection.invert!([cx, cy])!;
  const b = projection.invert!([cx + 100, cy])!;
  const pxPerKm = 100 / (geoDistance(a, b) * 6371);
  const km = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200].filter((k) => k * pxPerKm <= 130).at(-1) ?? 0.5;
  const w = km * pxPerKm;
  const half = w / 2;
  const label = `${fixedNumber(km, km < 1 ? 1 : 0)} km`;
  return `<g font-size="12" fill="#222"><rect x="${x}" y="${y - 8}" width="${half.toFixed(1)}" height="6" fill="#222"/><rect x="${(x + half).toFixed(1)}" y="${y - 8}" width="${half.toFixed(1)}" height="6" fill="#fff" stroke="#222" stroke-width="1"/><text x="${x}" y="${y + 10}" text-anchor="middle">0</text><text x="${(x + w).toFixed(1)}" y="${y + 10}" text-anchor="middle">${label}</text></g>`;
}

/** A north arrow centred at (x, y); Mercator keeps north up. */
function northArrow(x: number, y: number): string {
  return `<g><rect x="${x - 16}" y="${y - 28}" width="32" height="56" rx="4" fill="#fff" fill-opacity="0.85"/><polygon points="${x},${y - 22} ${x + 9},${y + 6} ${x},${y} " fill="#222"/><polygon points="${x},${y - 22} ${x - 9},${y + 6} ${x},${y}" fill="#fff" stroke="#222" stroke-width="1"/><text x="${x}" y="${y + 22}" font-size="14" font-weight="bold" text-anchor="middle">N</text></g>`;
}

/**
 * Name labels with a white halo at each municipality's centroid, in the order given (most important
 * first); a label that would overlap one already placed, or leave `frame`, is left out.
 */
function nameLabels(
  features: Feature[],
  path: GeoPath,
  size: number,
  frame: Box,
  bold: ReadonlySet<string> = new Set(),
  avoid: Box[] = [],
): string {
  // The north arrow and the scale bar sit on the map: no label under them.
  const placed: Box[] = [...avoid];
  const out: string[] = [];
  for (const f of features) {
    const [x, y] = path.centroid(f as never);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const strong = bold.has(f.properties.CVEGEO);
    const lines = wrapText(f.properties.NOMGEO, size, 110, strong);
    const w = Math.max(...lines.map((l) => textWidth(l, size, strong)));
    const h = lines.length * (size + 1);
    const b: Box = [
      [x - w / 2 - 2, y - h / 2 - 2],
      [x + w / 2 + 2, y + h / 2 + 2],
    ];
    if (b[0][0] < frame[0][0] || b[1][0] > frame[1][0] || b[0][1] < frame[0][1] || b[1][1] > frame[1][1])
      continue;
    if (placed.some((p) => overlaps(p, b))) continue;
    placed.push(b);
    lines.forEach((l, i) => {
      const ly = y + (i - (lines.length - 1) / 2) * (size + 1) + size / 3;
      out.push(
        `<text x="${x.toFixed(1)}" y="${ly.toFixed(1)}" font-size="${size}"${strong ? ' font-weight="bold"' : ''} text-anchor="middle" fill="#111" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(l)}</text>`,
      );
    });
  }
  return out.join('');
}

/** Features by projected area, largest first: the labels that matter most and fit best go first. */
function bySize(features: Feature[], path: GeoPath): Feature[] {
  return [...features].sort((a, b) => path.area(b as never) - path.area(a as never));
}

function header(title: string, subtitle: string): { svg: string; height: number } {
  const inner = CANVAS_WIDTH - 2 * PAD;
  const tl = wrapText(title, 22, inner, true);
  const sl = wrapText(subtitle, 15, inner);
  let y = PAD;
  const out: string[] = [];
  for (const l of tl) {
    y += 24;
    out.push(
      `<text x="${PAD}" y="${y}" font-size="22" font-weight="bold" fill="#111">${escapeXml(l)}</text>`,
    );
    y += 4;
  }
  for (const l of sl) {
    y += 19;
    out.push(`<text x="${PAD}" y="${y}" font-size="15" fill="#444">${escapeXml(l)}</text>`);
  }
  y += 12;
  out.push(
    `<line x1="${PAD}" y1="${y}" x2="${CANVAS_WIDTH - PAD}" y2="${y}" stroke="#444" stroke-width="1"/>`,
  );
  return { svg: out.join(''), height: y + 10 };
}

function footer(lines: string[], top: number): { svg: string; height: number } {
  const wrapped = lines.flatMap((l) => wrapText(l, 12, CANVAS_WIDTH - 2 * PAD));
  let y = top + 6;
  const out = [`<line x1="${PAD}" y1="${top}" x2="${CANVAS_WIDTH - PAD}" y2="${top}" stroke="#ccc"/>`];
  for (const l of wrapped) {
    y += 15;
    out.push(`<text x="${PAD}" y="${y}" font-size="12" fill="#555">${escapeXml(l)}</text>`);
  }
  return { svg: out.join(''), height: y + PAD - top };
}

function document(title: string, body: string, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS_WIDTH}" height="${height}" viewBox="0 0 ${CANVAS_WIDTH} ${height}" font-family="${CHART_FONT}, Arial, sans-serif" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
}

function legendBlock(
  title: string,
  items: { colour: string; label: string; stroke?: string }[],
  x: number,
  y: number,
  width: number,
) {
  const out: string[] = [];
  let yy = y;
  for (const l of wrapText(title, 14, width, true)) {
    out.push(`<text x="${x}" y="${yy}" font-size="14" font-weight="bold" fill="#111">${escapeXml(l)}</text>`);
    yy += 18;
  }
  yy += 4;
  for (const it of items) {
    out.push(
      `<rect x="${x}" y="${yy - 13}" width="22" height="16" fill="${it.colour}" stroke="${it.stroke ?? '#888'}" stroke-width="${it.stroke ? 2 : 0.7}"/>`,
    );
    const lines = wrapText(it.label, 13, width - 30);
    lines.forEach((l, i) => {
      out.push(`<text x="${x + 30}" y="${yy + i * 16}" font-size="13" fill="#222">${escapeXml(l)}</text>`);
    });
    yy += Math.max(1, lines.length) * 16 + 8;
  }
  return { svg: out.join(''), bottom: yy };
}

export type ChoroplethInput = {
  indicator: IndicatorMeta;
  year: number;
  /** Each municipality's figure (INEGI code 15MMM → number or category). */
  values: Map<string, number | string>;
  /** The municipalities of the area asked (coloured); the rest of the state is drawn grey for context. */
  focus: string[];
  placeName: string;
  agencyName: string;
  stateName: string;
};

/** Choropleth of one indicator over the area's municipalities, with legend, inset, scale, north and source. */
export function buildChoroplethSvg(
  input: ChoroplethInput,
  boundaries: MunicipalBoundaries,
  locale: Locale = 'es-MX',
): string | null {
  const t: T = (k, p) => translate(locale, k, p);
  const focusSet = new Set(input.focus);
  const shown = boundaries.features.filter((f) => focusSet.has(f.properties.CVEGEO));
  const values = shown.map((f) => input.values.get(f.properties.CVEGEO)).filter((v) => v !== undefined);
  if (shown.length === 0 || values.length === 0) return null;
  const ind = input.indicator;
  const title = `${t('map.title', { indicator: ind.name, year: input.year })}`;
  const categorical = values.some((v) => typeof v === 'string');
  const subtitle = t(categorical ? 'map.subtitle_categories' : 'map.subtitle_classes', {
    place: input.placeName,
    count: shown.length,
    classes: naturalBreaks(
      values.filter((v): v is number => typeof v === 'number'),
      PALETTE.length,
    ).length,
  });
  const head = header(title, subtitle);
  const legend = legendFor(values, ind.decimals, t);
  const panelX = 568;
  const panelW = CANVAS_WIDTH - PAD - panelX;
  const wholeState = shown.length === boundaries.features.length;
  const top = head.height + 8;
  const mapH = 430;
  const box: Box = [
    [PAD, top],
    [panelX - 24, top + mapH],
  ];
  const { projection, path } = fitted(shown, box);
  const neighbours = boundaries.features.filter(
    (f) => !focusSet.has(f.properties.CVEGEO) && overlaps(path.bounds(f as never), box),
  );
  const fmt = (v: number | string | undefined) =>
    v === undefined ? t('map.no_data') : typeof v === 'number' ? fixedNumber(v, ind.decimals) : v;
  const shapes = [
    ...neighbours.map(
      (f) =>
        `<path d="${path(f as never) ?? ''}" fill="${NEIGHBOUR_FILL}" stroke="#fff" stroke-width="0.8"><title>${escapeXml(f.properties.NOMGEO)}</title></path>`,
    ),
    ...shown.map((f) => {
      const v = input.values.get(f.properties.CVEGEO);
      return `<path d="${path(f as never) ?? ''}" fill="${legend.colour(v)}" stroke="#777" stroke-width="0.5"><title>${escapeXml(`${f.properties.NOMGEO}: ${fmt(v)}`)}</title></path>`;
    }),
  ].join('');
  const furniture: Box[] = [
    [
      [panelX - 64, top + 2],
      [panelX - 24, top + 56],
    ],
    [
      [PAD, top + mapH - 24],
      [PAD + 160, top + mapH],
    ],
  ];
  const labels =
    shown.length <= 30 ? nameLabels(bySize(shown, path), path, 10, box, new Set(), furniture) : '';
  const clip = `<clipPath id="mapclip"><rect x="${box[0][0]}" y="${box[0][1]}" width="${box[1][0] - box[0][0]}" height="${mapH}"/></clipPath>`;
  const lg = legendBlock(
    ind.unitLabel ? `${ind.name} (${ind.unitLabel})` : ind.name,
    legend.items.filter((it) => it.colour !== NO_DATA_FILL || shown.length > values.length),
    panelX,
    top + 14,
    panelW,
  );
  // The state with the area marked, unless the map already is the whole state.
  let inset = '';
  if (!wholeState) {
    const iy = Math.max(lg.bottom + 10, top + mapH - 150);
    const ibox: Box = [
      [panelX, iy + 22],
      [panelX + panelW, top + mapH],
    ];
    const ip = fitted(boundaries.features, ibox).path;
    inset = `<text x="${panelX}" y="${iy + 12}" font-size="12" fill="#444">${escapeXml(input.stateName)}</text>${boundaries.features
      .map(
        (f) =>
          `<path d="${ip(f as never) ?? ''}" fill="${focusSet.has(f.properties.CVEGEO) ? WINE : '#e2e2e2'}" stroke="#fff" stroke-width="0.3"/>`,
      )
      .join('')}`;
  }
  const foot = footer(
    [
      t('chart.source', { source: ind.sources.join('; '), agency: input.agencyName }),
      `${t('map.boundaries_source')} ${t('map.scale_note')}`,
    ],
    top + mapH + 16,
  );
  const body = [
    head.svg,
    clip,
    `<g clip-path="url(#mapclip)">${shapes}${labels}</g>`,
    northArrow(panelX - 44, top + 28),
    scaleBar(projection, box, PAD + 10, top + mapH - 4),
    lg.svg,
    inset,
    foot.svg,
  ].join('');
  return document(`${title}. ${subtitle}`, body, top + mapH + 16 + foot.height);
}

export type LocatorInput = {
  placeName: string;
  /** The municipality asked, or those a polygon touches. */
  highlight: string[];
  /** The drawn polygon (RFC 7946 winding), when the area is one. */
  polygon?: PolygonGeometry;
  /** The answer's figures for the area, as lines ("Población total, 2020: 910,608 personas"). */
  figures: string[];
  sources: string[];
  agencyName: string;
  stateName: string;
};

/**
 * A locator map for one municipality or a drawn polygon: the state with the area marked, and a
 * close-up with the neighbouring municipalities named; the answer's figures beside them.
 */
export function buildLocatorSvg(
  input: LocatorInput,
  boundaries: MunicipalBoundaries,
  locale: Locale = 'es-MX',
): string | null {
  const t: T = (k, p) => translate(locale, k, p);
  const marked = new Set(input.highlight);
  const area = boundaries.features.filter((f) => marked.has(f.properties.CVEGEO));
  const polygon = input.polygon
    ? rewindForD3({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { CVEGEO: '', NOMGEO: '' },
            geometry: input.polygon as Feature['geometry'],
          },
        ],
      }).features[0]!
    : undefined;
  const target = polygon ? [polygon] : area;
  if (target.length === 0) return null;
  const title = polygon ? t('map.locator_title_polygon') : t('map.locator_title', { place: input.placeName });
  const head = header(title, t('map.locator_subtitle', { place: input.placeName, state: input.stateName }));
  const top = head.height + 8;
  const panelH = 360;
  const stateBox: Box = [
    [PAD, top + 20],
    [PAD + 330, top + panelH],
  ];
  const zoomBox: Box = [
    [PAD + 350, top + 20],
    [CANVAS_WIDTH - PAD, top + panelH],
  ];
  const sp = fitted(boundaries.features, stateBox).path;
  // The close-up frames the area with a margin, so its neighbours show around it.
  const zw = zoomBox[1][0] - zoomBox[0][0];
  const zh = zoomBox[1][1] - zoomBox[0][1];
  const shrink: Box = [
    [zoomBox[0][0] + zw * 0.22, zoomBox[0][1] + zh * 0.22],
    [zoomBox[1][0] - zw * 0.22, zoomBox[1][1] - zh * 0.22],
  ];
  const { projection: zproj, path: zp } = fitted(target, shrink);
  const zoomFeatures = boundaries.features.filter((f) => overlaps(zp.bounds(f as never), zoomBox));
  const fillOf = (f: Feature) => (marked.has(f.properties.CVEGEO) ? (polygon ? '#f0d3db' : WINE) : '#f1f1f1');
  const statePaths = boundaries.features
    .map(
      (f) =>
        `<path d="${sp(f as never) ?? ''}" fill="${fillOf(f)}" stroke="#9a9a9a" stroke-width="0.4"><title>${escapeXml(f.properties.NOMGEO)}</title></path>`,
    )
    .join('');
  const statePolygon = polygon
    ? `<path d="${sp(polygon as never) ?? ''}" fill="${WINE}" stroke="${WINE}" stroke-width="1.5"/>`
    : '';
  // Where the close-up is, on the state view.
  const corners = [
    zproj.invert!([zoomBox[0][0], zoomBox[0][1]])!,
    zproj.invert!([zoomBox[1][0], zoomBox[1][1]])!,
  ];
  const sproj = fitted(boundaries.features, stateBox).projection;
  const [p0, p1] = corners.map((c) => sproj(c)!);
  const zoomRect = `<rect x="${Math.min(p0![0], p1![0]).toFixed(1)}" y="${Math.min(p0![1], p1![1]).toFixed(1)}" width="${Math.abs(p1![0] - p0![0]).toFixed(1)}" height="${Math.abs(p1![1] - p0![1]).toFixed(1)}" fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="4 2"/>`;
  const zoomPaths = zoomFeatures
    .map(
      (f) =>
        `<path d="${zp(f as never) ?? ''}" fill="${fillOf(f)}" stroke="#8a8a8a" stroke-width="0.8"><title>${escapeXml(f.properties.NOMGEO)}</title></path>`,
    )
    .join('');
  const zoomPolygon = polygon
    ? `<path d="${zp(polygon as never) ?? ''}" fill="${WINE}" fill-opacity="0.45" stroke="${WINE}" stroke-width="2.5" stroke-linejoin="round"/>`
    : '';
  const inArea = zoomFeatures.filter((f) => marked.has(f.properties.CVEGEO));
  const labels = nameLabels(
    [
      ...bySize(inArea, zp),
      ...bySize(
        zoomFeatures.filter((f) => !marked.has(f.properties.CVEGEO)),
        zp,
      ),
    ],
    zp,
    11,
    zoomBox,
    polygon ? new Set() : marked,
    [
      [
        [CANVAS_WIDTH - PAD - 40, zoomBox[0][1]],
        [CANVAS_WIDTH - PAD, zoomBox[0][1] + 64],
      ],
      [
        [zoomBox[0][0], zoomBox[1][1] - 32],
        [zoomBox[0][0] + 180, zoomBox[1][1]],
      ],
    ],
  );
  const clip = `<clipPath id="zoomclip"><rect x="${zoomBox[0][0]}" y="${zoomBox[0][1]}" width="${zw}" height="${zh}"/></clipPath>`;
  const frame = `<rect x="${zoomBox[0][0]}" y="${zoomBox[0][1]}" width="${zw}" height="${zh}" fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="4 2"/>`;
  const captions = `<text x="${PAD}" y="${top + 12}" font-size="13" font-weight="bold" fill="#333">${escapeXml(t('map.state_view', { state: input.stateName }))}</text><text x="${zoomBox[0][0]}" y="${top + 12}" font-size="13" font-weight="bold" fill="#333">${escapeXml(t('map.zoom'))}</text>`;
  // Legend and the answer's figures, side by side under the maps.
  const ly = top + panelH + 30;
  const items = polygon
    ? [
        { colour: WINE, label: t('map.legend_polygon'), stroke: WINE },
        { colour: '#f0d3db', label: t('map.legend_touched') },
        { colour: '#f1f1f1', label: t('map.legend_other') },
      ]
    : [
        { colour: WINE, label: t('map.legend_area') },
        { colour: '#f1f1f1', label: t('map.legend_other') },
      ];
  const lg = legendBlock(' ', items, PAD, ly - 18, 260);
  const fx = PAD + 300;
  const figs: string[] = [
    `<text x="${fx}" y="${ly}" font-size="14" font-weight="bold" fill="#111">${escapeXml(t('map.figures'))}</text>`,
  ];
  let fy = ly + 20;
  for (const line of input.figures.slice(0, 6)) {
    for (const l of wrapText(line, 13, CANVAS_WIDTH - PAD - fx)) {
      figs.push(`<text x="${fx}" y="${fy}" font-size="13" fill="#222">${escapeXml(l)}</text>`);
      fy += 16;
    }
    fy += 4;
  }
  const bottom = Math.max(lg.bottom, fy);
  const foot = footer(
    [
      t('chart.source', { source: input.sources.join('; '), agency: input.agencyName }),
      `${t('map.boundaries_source')} ${t('map.scale_note')}`,
    ],
    bottom + 4,
  );
  const body = [
    head.svg,
    captions,
    statePaths,
    statePolygon,
    zoomRect,
    clip,
    `<g clip-path="url(#zoomclip)"><rect x="${zoomBox[0][0]}" y="${zoomBox[0][1]}" width="${zw}" height="${zh}" fill="#fafafa"/>${zoomPaths}${zoomPolygon}${labels}</g>`,
    frame,
    northArrow(CANVAS_WIDTH - PAD - 22, zoomBox[0][1] + 34),
    `<rect x="${zoomBox[0][0] + 6}" y="${zoomBox[1][1] - 30}" width="${Math.min(170, zw - 12)}" height="26" fill="#fff" fill-opacity="0.85"/>`,
    scaleBar(zproj, zoomBox, zoomBox[0][0] + 16, zoomBox[1][1] - 18),
    lg.svg,
    ...figs,
    foot.svg,
  ].join('');
  return document(title, body, bottom + 4 + foot.height);
}

/**
 * Choropleth of one indicator from an answer's figures: the municipal rows in `data` and `municipal`
 * (members' figures the services add for a region, zone, set or the state) for `year`.
 */
export function buildMapSvg(
  data: AnswerData,
  indicatorId: string,
  year: number,
  boundaries: MunicipalBoundaries,
  opts: { stateName: string; municipal?: DataRow[]; focus?: string[]; locale?: Locale },
): string | null {
  const ind = data.indicators.find((i) => i.id === indicatorId);
  if (!ind) return null;
  const values = new Map<string, number | string>();
  for (const r of [...data.rows, ...(opts.municipal ?? [])])
    if (r.indicatorId === indicatorId && r.year === year && r.value !== null && r.geoId.startsWith('mun:'))
      values.set(r.geoId.slice(4), r.value);
  const focus = opts.focus ?? [...values.keys()];
  if (values.size < 2) return null;
  return buildChoroplethSvg(
    {
      indicator: ind,
      year,
      values,
      focus,
      placeName: data.geo.name,
      agencyName: data.agencyName,
      stateName: opts.stateName,
    },
    boundaries,
    opts.locale,
  );
}

/** SVG → PNG at the maps' width (1600 px). */
export function mapPng(svg: string): Buffer {
  return svgToPng(svg, MAP_WIDTH_PX);
}
