import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { DATASET_IDS, type DatasetId } from '../domain/indicators.ts';
import { DATASETS, type DatasetSpec } from './datasets.ts';
import type { StatsData } from './engine.ts';
import { placeCatalog } from './geography/catalog.ts';
import { ImportError, type SourceFile, sha256 } from './importers/csv.ts';
import { IMPORTERS, type ImportContext } from './importers/index.ts';
import { countDatasets, type ParsedDataset, replaceDataset, storedDataset } from './repository.ts';

export type ImportEvent = {
  dataset: DatasetId;
  status: 'imported' | 'unchanged' | 'missing' | 'failed';
  files: string[];
  rows?: number;
  facts?: number;
  error?: string;
  ms: number;
};

/** The files of a dataset present in `dir`: the first candidate, or every one for multi-file datasets. */
export function datasetFiles(dir: string, spec: DatasetSpec): SourceFile[] {
  const present = spec.files.filter((f) => existsSync(join(dir, f)));
  const chosen = spec.id === 'conapo_imm' ? present : present.slice(0, 1);
  return chosen.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

function context(): ImportContext {
  return { municipalities: new Set(placeCatalog().byLevel.mun.map((p) => p.members[0]!)) };
}

function fileHash(files: SourceFile[]): string {
  return files.length === 1
    ? sha256(files[0]!.bytes)
    : sha256(Buffer.from(files.map((f) => sha256(f.bytes)).join('\n')));
}

/** Parses and validates one dataset; throws ImportError naming file, row and column. */
export function parseDataset(
  id: DatasetId,
  files: SourceFile[],
  ctx: ImportContext = context(),
): ParsedDataset {
  const spec = DATASETS[id];
  const result = IMPORTERS[id](files, ctx);
  return {
    info: {
      id,
      title: spec.title,
      source: spec.source,
      edition: spec.edition,
      fileName: files.map((f) => f.name).join(', '),
      sha256: fileHash(files),
      rows: result.rows,
    },
    facts: result.facts,
    ...(result.boundaries ? { boundaries: result.boundaries } : {}),
  };
}

/**
 * Imports every dataset found in `dir`, each in its own transaction (a bad file leaves its dataset as it
 * was and the others still load). Unchanged files (same SHA-256) are skipped unless `force`.
 */
export async function importDataDir(
  db: Database,
  dir: string,
  opts: { now: () => Date; force?: boolean; only?: DatasetId[]; onEvent?: (e: ImportEvent) => void },
): Promise<ImportEvent[]> {
  const ctx = context();
  const events: ImportEvent[] = [];
  for (const id of opts.only ?? DATASET_IDS) {
    // Let the event loop breathe between datasets (the server keeps answering during a start-up import).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    const files = datasetFiles(dir, DATASETS[id]);
    const names = files.map((f) => f.name);
    const done = (e: Omit<ImportEvent, 'dataset' | 'files' | 'ms'>) => {
      const event = { dataset: id, files: names, ms: Math.round(performance.now() - started), ...e };
      events.push(event);
      opts.onEvent?.(event);
    };
    if (files.length === 0) {
      done({ status: 'missing' });
      continue;
    }
    const stored = await storedDataset(db, id);
    try {
      const parsed = parseDataset(id, files, ctx);
      // Same file and the importer keeps the same figures: nothing to do. A new importer that keeps more
      // columns of the same file (issue 18: IME indicators, survey CVs) re-imports it.
      if (!opts.force && stored?.sha256 === parsed.info.sha256 && stored.facts === parsed.facts.length) {
        done({ status: 'unchanged' });
        continue;
      }
      await replaceDataset(db, parsed, opts.now());
      done({ status: 'imported', rows: parsed.info.rows, facts: parsed.facts.length });
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      done({ status: 'failed', error: err.message });
    }
  }
  return events;
}

/** Whether nothing has been imported yet (start-up imports automatically then). */
export async function statsTablesEmpty(db: Database): Promise<boolean> {
  return (await countDatasets(db)) === 0;
}

/** Parses a whole data directory into memory, without a database (tests and benchmarks). */
export function parseDataDir(dir: string, importedAt = new Date()): StatsData {
  const ctx = context();
  const data: StatsData = { datasets: [], facts: [], boundaries: [] };
  for (const id of DATASET_IDS) {
    const files = datasetFiles(dir, DATASETS[id]);
    if (files.length === 0) continue;
    const parsed = parseDataset(id, files, ctx);
    data.datasets.push({ ...parsed.info, facts: parsed.facts.length, importedAt });
    data.facts.push(...parsed.facts);
    data.boundaries.push(...(parsed.boundaries ?? []));
  }
  return data;
}
