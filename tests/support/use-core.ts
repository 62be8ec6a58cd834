import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CoreBackend, offSpec, type Backend, type CoreEnv } from './core-harness';

/** One core per test file on `backend`, stopped after it; every answer of every test checked against openapi.yaml. */
export function useCore(backend: Backend): () => CoreEnv {
  const core = new CoreBackend(backend);
  let env: CoreEnv | undefined;
  beforeAll(async () => {
    await core.setUp();
    env = await core.start();
  }, 180_000);
  afterAll(async () => {
    await env?.stop();
    core.tearDown();
  });
  afterEach(() => {
    expect(offSpec.splice(0)).toEqual([]);
  });
  return () => env!;
}
