import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRatio,
  aggregateSum,
  aggregateTerms,
  type Cell,
  combine,
  ratioOf,
} from '../../../src/domain/aggregation.ts';

const ok = (value: number): Cell => ({ value, status: 'ok' });
const suppressed: Cell = { value: null, status: 'suppressed' };
const counts = fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 60 });
const pairs = fc.array(
  fc.record({ num: fc.integer({ min: 0, max: 1_000_000 }), extra: fc.integer({ min: 1, max: 1_000_000 }) }),
  { minLength: 1, maxLength: 60 },
);

describe('sum', () => {
  it('the sum over a union equals the sum of the sums of its parts', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const parts = (xs: number[], p: string) =>
          xs.map((v, i) => ({ code: `${p}${i}`, weight: 1, cell: ok(v) }));
        const whole = aggregateSum([...parts(a, 'a'), ...parts(b, 'b')]);
        expect(whole.value).toBe(aggregateSum(parts(a, 'a')).value! + aggregateSum(parts(b, 'b')).value!);
        expect(whole.status).toBe('ok');
      }),
    );
  });

  it('never reads a suppressed member as 0: it is left out and the aggregate is marked partial', () => {
    fc.assert(
      fc.property(counts, (a) => {
        const parts = a.map((v, i) => ({ code: String(i), weight: 1, cell: ok(v) }));
        const withHole = aggregateSum([...parts, { code: 'x', weight: 1, cell: suppressed }]);
        expect(withHole.value).toBe(aggregateSum(parts).value);
        expect(withHole.status).toBe('partial');
        expect(withHole.excluded).toEqual([{ code: 'x', status: 'suppressed' }]);
      }),
    );
  });

  it('is suppressed (not 0) when every member is suppressed', () => {
    const agg = aggregateSum([{ code: 'a', weight: 1, cell: suppressed }]);
    expect(agg.value).toBeNull();
    expect(agg.status).toBe('suppressed');
  });
});

describe('ratio', () => {
  it('is Σ numerators / Σ denominators, and lies between the smallest and largest member ratio', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const parts = ps.map((p, i) => ({
          code: String(i),
          weight: 1,
          numerator: ok(p.num),
          denominator: ok(p.num + p.extra),
        }));
        const agg = aggregateRatio(parts, 100);
        const num = ps.reduce((s, p) => s + p.num, 0);
        const den = ps.reduce((s, p) => s + p.num + p.extra, 0);
        expect(agg.numerator).toBe(num);
        expect(agg.denominator).toBe(den);
        expect(agg.value).toBeCloseTo((100 * num) / den, 9);
        const member = ps.map((p) => (100 * p.num) / (p.num + p.extra));
        expect(agg.value!).toBeGreaterThanOrEqual(Math.min(...member) - 1e-9);
        expect(agg.value!).toBeLessThanOrEqual(Math.max(...member) + 1e-9);
      }),
    );
  });

  it('differs from the mean of percentages when members differ in size', () => {
    // 10 of 100 (10 %) and 900 of 1,000 (90 %): pooled 910/1,100 = 82.7 %, not the mean 50 %.
    const agg = aggregateRatio(
      [
        { code: 'a', weight: 1, numerator: ok(10), denominator: ok(100) },
        { code: 'b', weight: 1, numerator: ok(900), denominator: ok(1000) },
      ],
      100,
    );
    expect(agg.value).toBeCloseTo(82.727, 3);
  });

  it('weights (area shares) scale numerator and denominator alike', () => {
    fc.assert(
      fc.property(pairs, fc.double({ min: 0.01, max: 1, noNaN: true }), (ps, w) => {
        const parts = (weight: number) =>
          ps.map((p, i) => ({
            code: String(i),
            weight,
            numerator: ok(p.num),
            denominator: ok(p.num + p.extra),
          }));
        expect(aggregateRatio(parts(w), 100).value!).toBeCloseTo(aggregateRatio(parts(1), 100).value!, 9);
      }),
    );
  });

  it('a member with a suppressed numerator is excluded from both sums', () => {
    const agg = aggregateRatio(
      [
        { code: 'a', weight: 1, numerator: ok(10), denominator: ok(100) },
        { code: 'b', weight: 1, numerator: suppressed, denominator: ok(1000) },
      ],
      100,
    );
    expect(agg.value).toBe(10);
    expect(agg.denominator).toBe(100);
    expect(agg.status).toBe('partial');
  });
});

describe('combine', () => {
  it('adds signed terms, and any missing term makes the result missing', () => {
    expect(
      combine([
        { cell: ok(120), sign: 1 },
        { cell: ok(100), sign: -1 },
      ]),
    ).toEqual(ok(20));
    expect(
      combine([
        { cell: ok(120), sign: 1 },
        { cell: suppressed, sign: -1 },
      ]).status,
    ).toBe('suppressed');
    expect(
      combine([
        { cell: ok(1), sign: 1 },
        { cell: { value: null, status: 'not_available' }, sign: 1 },
      ]).value,
    ).toBeNull();
  });
});

describe('comparisons between years (term by term)', () => {
  const missing: Cell = { value: null, status: 'not_available' };

  it('sums each year over the members that have it: a municipality created later still counts later', () => {
    // 1990: A = 100 (B did not exist; its territory was in A). 2000: A = 80, B = 50.
    const later = [
      { code: 'A', weight: 1, cell: ok(80) },
      { code: 'B', weight: 1, cell: ok(50) },
    ];
    const earlier = [
      { code: 'A', weight: 1, cell: ok(100) },
      { code: 'B', weight: 1, cell: missing },
    ];
    const change = ratioOf(
      aggregateTerms([
        { sign: 1, parts: later },
        { sign: -1, parts: earlier },
      ]),
      aggregateTerms([{ sign: 1, parts: earlier }]),
      100,
    );
    expect(change.value).toBeCloseTo(30, 9);
    expect(change.excluded).toEqual([{ code: 'B', status: 'not_available' }]);
    // Member by member, B would be dropped from both years: (80 − 100) / 100 = −20 %, which is wrong.
    expect(
      aggregateRatio(
        [
          {
            code: 'A',
            weight: 1,
            numerator: combine([
              { cell: ok(80), sign: 1 },
              { cell: ok(100), sign: -1 },
            ]),
            denominator: ok(100),
          },
          {
            code: 'B',
            weight: 1,
            numerator: combine([
              { cell: ok(50), sign: 1 },
              { cell: missing, sign: -1 },
            ]),
            denominator: missing,
          },
        ],
        100,
      ).value,
    ).toBeCloseTo(-20, 9);
  });

  it('a term with no figure at all makes the result unavailable, never 0', () => {
    const none = aggregateTerms([{ sign: 1, parts: [{ code: 'A', weight: 1, cell: missing }] }]);
    expect(none).toMatchObject({ value: null, status: 'not_available' });
    expect(
      ratioOf(none, aggregateTerms([{ sign: 1, parts: [{ code: 'A', weight: 1, cell: ok(5) }] }]), 100).value,
    ).toBeNull();
  });
});

describe('members that did not exist yet', () => {
  it('are left out without making the aggregate partial; alone, they give "not applicable"', () => {
    const absent: Cell = { value: null, status: 'not_applicable' };
    const agg = aggregateSum([
      { code: 'A', weight: 1, cell: ok(10) },
      { code: 'B', weight: 1, cell: absent },
    ]);
    expect(agg).toMatchObject({
      value: 10,
      status: 'ok',
      excluded: [{ code: 'B', status: 'not_applicable' }],
    });
    expect(aggregateSum([{ code: 'B', weight: 1, cell: absent }]).status).toBe('not_applicable');
    expect(
      combine([
        { cell: ok(1), sign: 1 },
        { cell: absent, sign: -1 },
      ]).status,
    ).toBe('not_applicable');
    expect(
      combine([
        { cell: suppressed, sign: 1 },
        { cell: absent, sign: -1 },
      ]).status,
    ).toBe('suppressed');
  });
});
