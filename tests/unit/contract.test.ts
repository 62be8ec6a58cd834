import { describe, expect, it } from 'vitest';
import { contract } from '../../services/contract';

describe('the API contract', () => {
  it('lets only setup, session, login and the data key’s restore through without an operator', () => {
    const open = Object.entries(contract)
      .filter(([, spec]) => spec.access === 'public')
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(['authLogin', 'authLogout', 'authSession', 'keyRestore', 'setupInitialize', 'setupStatus']);
  });
});
