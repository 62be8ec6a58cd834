import { afterEach, describe, expect, it } from 'vitest';
import { findContract } from '../../../db/contract-repo';
import { branchWithStock, issueRequest, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('operators', () => {
  it('stores an operator’s name with the spacing rule a customer’s name has: trimmed, one full-width space', async () => {
    fx = await branchWithStock();
    const { operator } = await fx.call('operatorsCreate', { operatorId: 'tel02', name: ' 山田  花子 ', role: 'teller', password: 'teller123' });
    const t = fx.tokens[0]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { nameKanji: ' 山田  花子 ' }));
    const customer = findContract(fx.app.db, fx.box, 'C0012345')!;
    expect(operator.name).toBe('山田\u3000花子');
    expect(customer.nameKanji).toBe(operator.name);
  });
});
