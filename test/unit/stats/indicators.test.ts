import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  indicatorDefinitionKey,
  indicatorNameKey,
  TOPICS,
  topicKey,
  unitKey,
} from '../../../src/domain/indicators.ts';
import { CATALOGS } from '../../../src/i18n/index.ts';

const REQUIRED = [
  'population_total',
  'population_female',
  'population_male',
  'pct_female',
  'sex_ratio',
  'occupied_dwellings',
  'indigenous_language_speakers_3plus',
  'pct_indigenous_language_3plus',
  'pct_afromexican',
  'marginalization_index',
  'marginalization_grade',
  'population_change',
  'population_projection',
];

describe('indicator catalog', () => {
  const ids = INDICATORS.map((i) => i.id);

  it('has at least 30 unique indicators, including every id the issue names', () => {
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
  });

  it('covers age groups, health, literacy, economic activity, dwelling services and the 2015 pyramid', () => {
    const topics = new Set(INDICATORS.map((i) => i.topic));
    for (const t of ['age', 'health', 'education', 'economy', 'housing'] as const)
      expect(topics).toContain(t);
    const pyramid = INDICATORS.find((i) => i.id === 'population_pyramid_2015');
    expect(pyramid?.years).toEqual([2015]);
    expect(pyramid?.breakdown?.length).toBeGreaterThanOrEqual(16);
  });

  it('marginalization comes in 2010, 2015 and 2020 and is not aggregable', () => {
    for (const id of ['marginalization_index', 'marginalization_grade']) {
      const def = INDICATORS.find((i) => i.id === id)!;
      expect(def.years).toEqual([2010, 2015, 2020]);
      expect(def.aggregation).toBe('not_aggregable');
      expect(def.levels).not.toContain('region');
    }
  });

  it('every ratio has a denominator and a scale; sums and indices do not', () => {
    for (const def of INDICATORS) {
      if (def.aggregation === 'ratio') {
        expect(def.denominator?.length, def.id).toBeGreaterThan(0);
        expect(def.scale, def.id).toBeGreaterThan(0);
      } else {
        expect(def.denominator, def.id).toBeUndefined();
      }
      expect(def.years.length, def.id).toBeGreaterThan(0);
    }
  });

  it('every name, definition, topic and unit has text in Spanish and English', () => {
    for (const locale of ['es-MX', 'en'] as const) {
      const catalog = CATALOGS[locale] as Record<string, string>;
      for (const def of INDICATORS) {
        expect(catalog[indicatorNameKey(def.id)], `${locale} ${def.id}`).toBeTruthy();
        expect(catalog[indicatorDefinitionKey(def.id)], `${locale} ${def.id}`).toBeTruthy();
        expect(catalog[unitKey(def.unit)], `${locale} ${def.unit}`).toBeTruthy();
      }
      for (const topic of TOPICS) expect(catalog[topicKey(topic)]).toBeTruthy();
    }
  });
});
