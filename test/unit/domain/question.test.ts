import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  editDistance,
  fold,
  readQuestion,
  stem,
  words,
} from '../../../src/domain/question.ts';

const vocab = buildVocabulary({
  places: [
    { id: 'state:15', kind: 'state', variants: ['Estado de México', 'Edomex', 'estado'] },
    { id: 'mun:15012', kind: 'mun', variants: ['Atizapán'] },
    { id: 'mun:15013', kind: 'mun', variants: ['Atizapán de Zaragoza', 'Atizapán'] },
    { id: 'mun:15058', kind: 'mun', variants: ['Nezahualcóyotl', 'Neza'] },
    { id: 'region:6', kind: 'region', variants: ['Región VI Ixtlahuaca', 'Región VI', 'Región Ixtlahuaca'] },
    { id: 'outside:state:14', kind: 'outside', variants: ['Jalisco'] },
  ],
  indicators: [
    { id: 'population_total', phrases: ['Población total', 'habitantes', 'población'] },
    { id: 'population_female', phrases: ['Población femenina', 'mujeres'] },
    { id: 'pct_female', phrases: ['Porcentaje de mujeres'] },
    { id: 'population_with_disability', phrases: ['Población con discapacidad'] },
    { id: 'born_other_state', phrases: ['nacidos en otro estado'] },
  ],
  fillers: ['cuántos', 'tiene', 'hay', 'en'],
  soft: ['población', 'personas', 'total'],
  notAfter: ['otro'],
});

describe('reading a question', () => {
  it('folds case, accents and punctuation; trims plurals; reads % as a word', () => {
    expect(fold('¿Cuántos HABITANTES tiene Nezahualcóyotl?')).toBe('cuantos habitantes tiene nezahualcoyotl');
    expect(fold('50%')).toBe('50 porcentaje');
    expect(['hogares', 'viviendas', 'mujeres', 'indices', '2020'].map(stem)).toEqual([
      'hogar',
      'vivienda',
      'mujer',
      'indice',
      '2020',
    ]);
    expect(words('Región de la Ciudad')).toEqual(['region', 'ciudad']);
  });

  it('measures edit distance and stops past the bound', () => {
    expect(editDistance('ecatepek', 'ecatepec', 2)).toBe(1);
    expect(editDistance('neza', 'neza', 1)).toBe(0);
    expect(editDistance('toluca', 'metepec', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('finds the year, the place by a short name and the indicator', () => {
    const r = readQuestion(vocab, '¿Cuántos habitantes tiene Neza en 2010?');
    expect(r.years).toEqual([2010]);
    expect(r.places).toEqual([{ kind: 'place', id: 'mun:15058', mentioned: 'neza' }]);
    expect(r.indicators).toEqual([{ candidates: ['population_total'], words: ['habitantes'] }]);
    expect(r.unknown).toEqual([]);
  });

  it('reads a typo of a place as that place, and says so', () => {
    const r = readQuestion(vocab, 'habitantes de Nezahualcoyot');
    expect(r.places).toEqual([{ kind: 'place', id: 'mun:15058', mentioned: 'nezahualcoyot' }]);
    expect(r.corrections).toEqual([{ typed: 'nezahualcoyot', read: 'nezahualcoyotl' }]);
  });

  it('prefers the longest name and keeps a name of two places ambiguous', () => {
    expect(readQuestion(vocab, 'población de Atizapán de Zaragoza').places).toEqual([
      { kind: 'place', id: 'mun:15013', mentioned: 'atizapan zaragoza' },
    ]);
    expect(readQuestion(vocab, 'población de Atizapán').places).toEqual([
      { kind: 'ambiguous', ids: ['mun:15012', 'mun:15013'], mentioned: 'atizapan' },
    ]);
  });

  it('reads a region by its number or its name', () => {
    for (const q of ['hogares en la región VI', 'habitantes de la región Ixtlahuaca'])
      expect(readQuestion(vocab, q).places[0]).toMatchObject({ id: 'region:6' });
  });

  it('scores the words a phrase needs over the words it may leave out', () => {
    expect(readQuestion(vocab, 'porcentaje de mujeres').indicators[0]!.candidates).toEqual(['pct_female']);
    expect(readQuestion(vocab, 'personas con discapacidad').indicators).toEqual([
      { candidates: ['population_with_disability'], words: ['discapacidad'] },
    ]);
    // «población» is left out by «Población con discapacidad»: no second indicator from it.
    expect(readQuestion(vocab, 'población con discapacidad').indicators).toHaveLength(1);
  });

  it('does not read «otro estado» as the State of Mexico', () => {
    const r = readQuestion(vocab, 'nacidos en otro estado en Neza');
    expect(r.places.map((p) => (p.kind === 'place' ? p.id : p.ids))).toEqual(['mun:15058']);
    expect(r.indicators[0]!.candidates).toEqual(['born_other_state']);
  });

  it('names every word it does not understand instead of guessing', () => {
    const r = readQuestion(vocab, 'mujeres embarazadas en Neza');
    expect(r.indicators[0]!.candidates).toEqual(['population_female']);
    expect(r.unknown).toEqual(['embarazadas']);
    expect(r.strangers).toEqual(['embarazadas']);
  });

  it('recognises a place outside the catalog', () => {
    expect(readQuestion(vocab, 'habitantes de Jalisco').places).toEqual([
      { kind: 'place', id: 'outside:state:14', mentioned: 'jalisco' },
    ]);
  });
});
