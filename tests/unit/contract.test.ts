import { describe, expect, it } from 'vitest';
import { contract } from '../../services/contract';
import { CHANNELS } from '../../services/channels';

describe('the API contract', () => {
  it('lists exactly the channels the preload and the browser bridge expose', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('lets only setup, session and login through without an operator', () => {
    const open = Object.entries(contract)
      .filter(([, spec]) => spec.access === 'public')
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(['authLogin', 'authLogout', 'authSession', 'setupInitialize', 'setupStatus']);
  });
});
