import { describe, expect, it } from 'vitest';
import {
  auditHash,
  canonicalJson,
  findFirstBrokenRow,
  GENESIS_HASH,
} from '../../../src/domain/audit-chain.ts';

describe('audit hash chain', () => {
  it('serialises objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  it('finds the first row that was altered', () => {
    const rows = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 4; i++) {
      const f = { at: new Date(2026, 0, i), actor: 'sistema', action: 'x', subject: `s${i}`, data: { i } };
      const hash = auditHash(prev, f);
      rows.push({ ...f, id: i, prevHash: prev, hash });
      prev = hash;
    }
    expect(findFirstBrokenRow(rows)).toBeNull();
    rows[2] = { ...rows[2]!, data: { i: 99 } };
    expect(findFirstBrokenRow(rows)).toBe(3);
  });
});
