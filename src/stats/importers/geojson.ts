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
    throw new ImportError(file.name, null, null, `GeoJSON mal formado (${(err as Error).message})`);
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new ImportError(file.name, null, null, 'se esperaba un FeatureCollection');
  const seen = new Set<string>();
  const out = doc.features.map((f, i) => {
    const feature = f as { properties?: Record<string, unknown>; geometry?: unknown };
    const code = String(feature.properties?.CVEGEO ?? '');
    // Features have no line numbers: name the feature (1-based) as the row.
    if (!municipalities.has(code))
      throw new ImportError(file.name, i + 1, 'CVEGEO', `clave de municipio desconocida «${code}»`);
    if (seen.has(code)) throw new ImportError(file.name, i + 1, 'CVEGEO', `municipio repetido ${code}`);
    seen.add(code);
    if (!isPolygonGeoJson(feature.geometry))
      throw new ImportError(
        file.name,
        i + 1,
        'geometry',
        'la geometría no es un polígono GeoJSON válido (WGS84)',
      );
    return { code, geometry: feature.geometry as PolygonGeometry };
  });
  const missing = [...municipalities].filter((c) => !seen.has(c));
  if (missing.length > 0)
    throw new ImportError(
      file.name,
      null,
      null,
      `faltan ${missing.length} municipios: ${missing.slice(0, 10).join(', ')}`,
    );
  return out;
}
