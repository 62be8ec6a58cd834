import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, type Fixture } from '../../support/app-fixture';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('npm run verify-ledger', () => {
  it('exits 0 on an intact file and 1 naming the entry on a tampered one', async () => {
    fx = await branchWithStock();
    const file = join(fx.dir, 'madoguchi.sqlite');
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'db/verify-cli.ts', file], { encoding: 'utf8' });
    const intact = run();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/ledger OK: \d+ entries/);
    fx.app.db.exec('DROP TRIGGER journal_no_update');
    fx.app.db.exec("UPDATE journal SET operator_id = 'intruder' WHERE seq = 3");
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BROKEN at entry 3');
  });
});
