import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config/index.ts';
import { buildPlaceCatalog, type PlaceCatalog, type PlaceCatalogFiles } from '../../domain/geography.ts';

const DIR = join(PROJECT_ROOT, 'config/geography');
let cached: PlaceCatalog | undefined;

/** The place catalog from config/geography/ (read once; it is configuration, not data). */
export function placeCatalog(): PlaceCatalog {
  if (cached) return cached;
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
  const files: PlaceCatalogFiles = {
    municipalities: read('municipalities.json'),
    regions: read('regions.json'),
    metroZones: read('metro-zones.json'),
    changes: read('municipal-changes.json'),
  };
  cached = buildPlaceCatalog(files);
  return cached;
}
