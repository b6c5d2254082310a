import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { ConflictError } from '../../../src/domain/errors.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';

describe.each(testEngines())('requests repository on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('gives consecutive folios and finds a request by folio', async () => {
    const a = await aRequest(handle.db);
    const b = await aRequest(handle.db);
    expect(Number(b.folio.slice(-6)) - Number(a.folio.slice(-6))).toBe(1);
    expect((await findRequestByFolio(handle.db, b.folio))?.id).toBe(b.id);
  });

  it('lets exactly one of two concurrent status moves win', async () => {
    const r = await aRequest(handle.db, { status: 'received' });
    const results = await Promise.allSettled([
      handle.db.transaction((tx) => moveRequestStatus(tx, r.id, 'received', 'in_review')),
      handle.db.transaction((tx) => moveRequestStatus(tx, r.id, 'received', 'clarification_requested')),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });
});
