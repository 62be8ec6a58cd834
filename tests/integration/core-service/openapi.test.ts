import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { REFUSALS } from '../../../domain/sync-protocol';
import { SERIAL_FORMATS } from '../../../domain/validation';
import { buildCore } from '../../../core-service/server';
import { loadSpec, OPENAPI_PATH } from '../../../core-service/spec';
import { useCore } from '../../support/use-core';

/** The document against the code; the answers themselves are checked in every core-service test (checkedFetch). */
describe('core-service/openapi.yaml', () => {
  const core = useCore('postgres');

  it('is OpenAPI 3.1, and every operation it lists is served with its method and path', async () => {
    const doc = parse(readFileSync(OPENAPI_PATH, 'utf8')) as { openapi: string; info: { version: string } };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    const env = core();
    const app = await buildCore({ pool: env.pool, masterKey: env.masterKey, adminToken: env.adminToken });
    const ops = [...loadSpec().operations.values()];
    expect(ops.length).toBeGreaterThan(15);
    for (const op of ops) expect(app.hasRoute({ method: op.method, url: op.path.replace(/\{(\w+)\}/gu, ':$1') }), `${op.method} ${op.path}`).toBe(true);
    await app.close();
  });

  it("names the serial rules a seed import may follow as the domain does (a branch's 店舗設定)", () => {
    const doc = parse(readFileSync(OPENAPI_PATH, 'utf8')) as { components: { schemas: { SeedImportRequest: { properties: { serialFormat: { enum: string[] } } } } } };
    expect(doc.components.schemas.SeedImportRequest.properties.serialFormat.enum).toEqual([...SERIAL_FORMATS]);
  });

  it('names every refusal code the service can give, and no other', () => {
    const refusal = loadSpec().operations.get('push')!.responses['409']! as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(new Set(refusal.properties.error.properties.code.enum)).toEqual(new Set(Object.keys(REFUSALS)));
  });
});
