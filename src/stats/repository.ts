import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { statsBoundaries, statsDatasets, statsFacts } from '../db/schema/index.ts';
import type { PolygonGeometry } from '../domain/geography.ts';
import type { DatasetId } from '../domain/indicators.ts';
import type { DatasetInfo, Fact, StatsData } from './engine.ts';

/** What an importer produces for one dataset, written in one transaction. */
export type ParsedDataset = {
  info: Omit<DatasetInfo, 'importedAt' | 'facts'>;
  facts: Fact[];
  boundaries?: { code: string; geometry: PolygonGeometry }[];
};

const CHUNK = 1000;

/** Reads every statistics table into memory (the engine's data). */
export async function loadStatsData(db: Database): Promise<StatsData> {
  const [datasets, facts, boundaries] = await Promise.all([
    db.select().from(statsDatasets),
    db.select().from(statsFacts),
    db.select().from(statsBoundaries),
  ]);
  return {
    datasets: datasets.map((d) => ({ ...d, id: d.id as DatasetId })),
    facts: facts.map((f) => ({
      dataset: f.datasetId as DatasetId,
      variable: f.variable,
      geo: f.geo,
      year: f.year,
      value: f.value,
      text: f.text,
      status: f.status,
    })),
    boundaries: boundaries.map((b) => ({ code: b.code, geometry: b.geometry as PolygonGeometry })),
  };
}

export async function storedDataset(
  db: Database,
  id: DatasetId,
): Promise<{ sha256: string; facts: number } | undefined> {
  const [row] = await db
    .select({ sha256: statsDatasets.sha256, facts: statsDatasets.facts })
    .from(statsDatasets)
    .where(eq(statsDatasets.id, id));
  return row;
}

export async function countDatasets(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(statsDatasets);
  return row?.n ?? 0;
}

/** Replaces a dataset's rows in one transaction: either all of it is written or none. */
export async function replaceDataset(db: Database, parsed: ParsedDataset, importedAt: Date): Promise<void> {
  const id = parsed.info.id;
  await db.transaction(async (tx) => {
    await tx.delete(statsFacts).where(eq(statsFacts.datasetId, id));
    await tx.delete(statsBoundaries).where(eq(statsBoundaries.datasetId, id));
    await tx.delete(statsDatasets).where(eq(statsDatasets.id, id));
    for (let i = 0; i < parsed.facts.length; i += CHUNK) {
      await tx.insert(statsFacts).values(
        parsed.facts.slice(i, i + CHUNK).map((f) => ({
          datasetId: id,
          variable: f.variable,
          geo: f.geo,
          year: f.year,
          value: f.value,
          text: f.text,
          status: f.status,
        })),
      );
    }
    for (const b of parsed.boundaries ?? [])
      await tx.insert(statsBoundaries).values({ code: b.code, datasetId: id, geometry: b.geometry });
    await tx.insert(statsDatasets).values({ ...parsed.info, facts: parsed.facts.length, importedAt });
  });
}
