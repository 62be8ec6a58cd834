import { describe, expect, it } from 'vitest';
import { contract } from '../../services/contract';

describe('the API contract', () => {
  it('lets only setup, session, login, the data key’s restore and the header’s sync status through without an operator', () => {
    const open = Object.entries(contract)
      .filter(([, spec]) => spec.access === 'public')
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(['authLogin', 'authLogout', 'authSession', 'keyRestore', 'setupInitialize', 'setupStatus', 'syncStatus']);
  });
});
