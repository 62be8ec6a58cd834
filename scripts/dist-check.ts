/**
 * `npm run dist:check` (after `npm run build`): electron-builder.yml and electron-builder.test.yml
 * against electron-builder's schema and this app's rules, then the app electron-builder packs, as
 * its own packer makes it, around a stand-in for Electron's binary (these machines cannot
 * download the real one): the bundles, no source maps, no package that only development needs,
 * better-sqlite3's addon outside the archive, the font where the documents look for it, and the
 * fuses written into the program. Exits 1 with every problem named.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, build, Platform } from 'electron-builder';
import { fontPath } from '../templates/fonts';
import {
  appProblems,
  bundleImports,
  configProblems,
  fromProject,
  fuseProblems,
  loadBuilderConfig,
  readPackedApp,
  RELEASE_FUSES,
  runtimeClosure,
  schemaProblems,
  writeStandInElectron,
  type PackageId,
  type Variant,
} from './packaged-app';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const RELEASE_CONFIG = 'electron-builder.yml';
const CONFIGS: Array<[string, Variant]> = [
  [RELEASE_CONFIG, 'release'],
  ['electron-builder.test.yml', 'test'],
];
// What the packed app loads by path: main (package.json's "main"), the preload and the worker
// electron/main.ts names, and the page the app:// protocol serves.
const MAIN = 'dist/electron/main.mjs';
const WORKER = 'dist/otp-search-worker.mjs';
const RENDERER_PAGE = 'dist/renderer/index.html';
const BUNDLES = [MAIN, 'dist/electron/preload.cjs', WORKER, RENDERER_PAGE];
// Where better-sqlite3 (through `bindings`) loads its addon from.
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

const problems: string[] = [];
const say = (line: string) => console.log(`madoguchi dist:check: ${line}`);

for (const [file, variant] of CONFIGS) {
  const config = await loadBuilderConfig(projectDir, file);
  const found = [...schemaProblems(config), ...configProblems(config, variant)];
  problems.push(...found.map((p) => `${file}: ${p}`));
  if (found.length === 0) say(`${file}: electron-builder's schema and the ${variant} rules hold`);
}

if (!BUNDLES.every((b) => existsSync(join(projectDir, b)))) {
  console.error('madoguchi dist:check: dist/ に組み立て済みのアプリがありません。先に npm run build を実行してください (dist/ is not built: run npm run build first)');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'madoguchi-dist-check-'));
try {
  writeStandInElectron(join(work, 'electron'));
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    // The release configuration as it is, but for the stand-in, and no rebuild for Electron's ABI
    // (which downloads Electron's headers): the files packed are the same.
    config: { extends: RELEASE_CONFIG, electronDist: join(work, 'electron'), npmRebuild: false, directories: { output: join(work, 'out') } },
  });
  const appDir = join(work, 'out', 'linux-unpacked');
  const app = readPackedApp(join(appDir, 'resources'));

  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const needed = new Map<PackageId, string>();
  for (const bundle of [MAIN, WORKER]) {
    const from = join(projectDir, bundle, '..');
    for (const [id, by] of runtimeClosure(projectDir, from, await bundleImports(join(projectDir, bundle)), bundle)) if (!needed.has(id)) needed.set(id, by);
  }
  // The renderer whole, as Vite built it: the page's chunks load more chunks (a screen's code with the screen).
  const rendererDir = join(projectDir, 'dist', 'renderer');
  // (Source maps aside: electron-builder.yml keeps them out, and one packed is refused.)
  const rendererFiles = (readdirSync(rendererDir, { recursive: true }) as string[])
    .map((f) => join(rendererDir, f))
    .filter((f) => statSync(f).isFile() && !f.endsWith('.map'));
  const found = [
    ...appProblems(app, {
      bundles: [...new Set([...BUNDLES, ...rendererFiles.map((f) => fromProject(projectDir, f))])],
      rendererPage: RENDERER_PAGE,
      nativeModule: NATIVE_MODULE,
      fonts: [fontPath('regular'), fontPath('bold')].map((f) => fromProject(projectDir, f)),
      needed,
      allowed: new Set(runtimeClosure(projectDir, projectDir, Object.keys(manifest.dependencies), 'package.json').keys()),
      devDependencies: new Set(Object.keys(manifest.devDependencies)),
    }),
    ...(await fuseProblems(join(appDir, 'madoguchi'), RELEASE_FUSES)),
  ];
  problems.push(...found.map((p) => `packed app: ${p}`));
  if (found.length === 0) say(`packed app: ${app.files.size} files; bundles, renderer assets, ${NATIVE_MODULE} (unpacked), Noto Sans JP, ${needed.size} run-time packages, no source maps, no devDependencies, fuses as released`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const p of problems) console.error(`madoguchi dist:check: ${p}`);
  process.exit(1);
}
