import { isPolygonGeoJson, type PolygonGeometry } from '../../domain/geography.ts';
import { decodeText, ImportError, type SourceFile } from './csv.ts';

/** Municipal boundaries: a FeatureCollection whose features carry CVEGEO and a (Multi)Polygon in WGS84. */
export function parseBoundaries(
  file: SourceFile,
  municipalities: ReadonlySet<string>,
): { code: string; geometry: PolygonGeometry }[] {
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(decodeText(file.bytes));
  } catch (err) {
    throw new ImportError(file.name, null, null, 'bad_geojson', { detail: (err as Error).message });
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new ImportError(file.name, null, null, 'not_feature_collection');
  const seen = new Set<string>();
  const out = doc.features.map((f, i) => {
    const feature = f as { properties?: Record<string, unknown>; geometry?: unknown };
    const code = String(feature.properties?.CVEGEO ?? '');
    // Features have no line numbers: name the feature (1-based) as the row.
    if (!municipalities.has(code))
      throw new ImportError(file.name, i + 1, 'CVEGEO', 'unknown_municipality', { value: code });
    if (seen.has(code)) throw new ImportError(file.name, i + 1, 'CVEGEO', 'duplicate', { key: code });
    seen.add(code);
    if (!isPolygonGeoJson(feature.geometry))
      throw new ImportError(file.name, i + 1, 'geometry', 'bad_geometry');
    return { code, geometry: feature.geometry as PolygonGeometry };
  });
  const missing = [...municipalities].filter((c) => !seen.has(c));
  if (missing.length > 0)
    throw new ImportError(file.name, null, null, 'missing_municipalities', {
      count: missing.length,
      codes: missing.slice(0, 10).join(', '),
    });
  return out;
}
