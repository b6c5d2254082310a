import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { CellStatus } from '../../domain/aggregation.ts';
import { ts } from './columns.ts';

/** One row per imported dataset: where it came from and what was loaded (replaced on each import). */
export const statsDatasets = pgTable('stats_datasets', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  source: text('source').notNull(),
  edition: text('edition'),
  /** File name(s) read, comma-separated when a dataset spans several files. */
  fileName: text('file_name').notNull(),
  /** SHA-256 of the file(s) read (of the concatenated per-file hashes when several). */
  sha256: text('sha256').notNull(),
  rows: integer('rows').notNull(),
  facts: integer('facts').notNull(),
  importedAt: ts('imported_at').notNull(),
});

/**
 * Figures as published: a variable (`<family>.<COLUMN>`) for a place (15MMM, 15, or an AGEB) and year.
 * `status` keeps suppressed (`*`) and not-available (`N/D`) cells distinct from zero.
 */
export const statsFacts = pgTable(
  'stats_facts',
  {
    datasetId: text('dataset_id').notNull(),
    variable: text('variable').notNull(),
    geo: text('geo').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value'),
    text: text('text'),
    status: text('status').$type<CellStatus>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.datasetId, t.variable, t.geo, t.year] }),
    index('stats_facts_variable_idx').on(t.variable, t.year),
  ],
);

/** Municipal boundaries (GeoJSON geometry, WGS84) for polygon queries. */
export const statsBoundaries = pgTable('stats_boundaries', {
  code: text('code').primaryKey(),
  datasetId: text('dataset_id').notNull(),
  geometry: jsonb('geometry').notNull(),
});
