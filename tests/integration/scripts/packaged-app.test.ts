import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPackageWithOptions } from '@electron/asar';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appProblems,
  bundleImports,
  configProblems,
  fuseProblems,
  loadBuilderConfig,
  readPackedApp,
  RELEASE_FUSES,
  runtimeClosure,
  schemaProblems,
  TEST_FUSES,
  writeStandInElectron,
  type Expectations,
} from '../../../scripts/packaged-app';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'madoguchi-dist-check-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string | object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
}

async function checked(file: string, variant: 'release' | 'test') {
  const config = await loadBuilderConfig(root, file);
  return [...schemaProblems(config), ...configProblems(config, variant)];
}

describe('the builder’s configuration', () => {
  it('holds for the project’s release and test files, as electron-builder merges them', async () => {
    for (const [file, variant] of [['electron-builder.yml', 'release'], ['electron-builder.test.yml', 'test']] as const) {
      const config = await loadBuilderConfig(projectDir, file);
      expect([...schemaProblems(config), ...configProblems(config, variant)], file).toEqual([]);
      expect(config.electronFuses).toMatchObject(variant === 'release' ? RELEASE_FUSES : TEST_FUSES);
    }
  });

  it('refuses a key electron-builder does not know and a value of the wrong type, by its own schema', async () => {
    copyFileSync(join(projectDir, 'electron-builder.yml'), join(root, 'electron-builder.yml'));
    write(join(root, 'bad.yml'), 'extends: electron-builder.yml\nasarUnpak: ["**/*.node"]\nnsis:\n  perMachine: "yes"\n');
    const problems = await checked('bad.yml', 'release');
    expect(problems).toContain('schema: / must NOT have additional properties (asarUnpak)');
    expect(problems).toContain('schema: /nsis/perMachine must be boolean');
  });

  it('refuses a release that runs as Node, keeps Node’s inspector, rebuilds nothing or makes no per-machine installer', async () => {
    write(
      join(root, 'electron-builder.yml'),
      'appId: x.y\nnpmRebuild: false\nelectronFuses:\n  runAsNode: true\n  enableNodeCliInspectArguments: true\nwin:\n  target: nsis\nlinux:\n  target: [AppImage]\n',
    );
    const problems = await checked('electron-builder.yml', 'release');
    expect(problems).toEqual(
      expect.arrayContaining([
        'electronFuses.runAsNode is true, a release build needs false',
        'electronFuses.enableNodeCliInspectArguments is true, a release build needs false',
        'electronFuses.onlyLoadAppFromAsar is undefined, a release build needs true',
        'npmRebuild is false: better-sqlite3 would be packed built for Node, which Electron cannot load',
        'nsis.perMachine is not true: the branch PC installs once for every teller',
        'linux.target is [AppImage], a release needs deb',
      ]),
    );
  });

  it('refuses a test build that would also make installers: a list of targets is merged with the parent’s', async () => {
    copyFileSync(join(projectDir, 'electron-builder.yml'), join(root, 'electron-builder.yml'));
    write(join(root, 'test.yml'), 'extends: electron-builder.yml\nelectronFuses:\n  enableNodeCliInspectArguments: true\nwin:\n  target: dir\nlinux:\n  target: [dir]\n');
    expect(await checked('test.yml', 'test')).toEqual(['linux.target is [AppImage, deb, dir], a test build makes the unpacked folder (dir) only']);
  });
});

const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const FONT = 'node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';

/** A small app as electron-builder would lay it out in app.asar: the bundles, the renderer with its style sheet and font, two packages. */
function stageApp(stage: string): void {
  write(join(stage, 'package.json'), { name: 'madoguchi', version: '0.1.0', main: 'dist/electron/main.mjs' });
  write(join(stage, 'dist/electron/main.mjs'), 'import Database from "better-sqlite3";\n');
  write(join(stage, 'dist/electron/preload.cjs'), 'require("electron");\n');
  write(join(stage, 'dist/otp-search-worker.mjs'), '');
  write(
    join(stage, 'dist/renderer/index.html'),
    '<script src="./host-bridge.js"></script><script type="module" src="./assets/index-1.js"></script><link rel="stylesheet" href="./assets/index-2.css">',
  );
  write(join(stage, 'dist/renderer/assets/index-1.js'), '');
  write(join(stage, 'dist/renderer/assets/index-2.css'), '@font-face{src:url(./NotoSansJP_400Regular-3.ttf)}');
  write(join(stage, 'dist/renderer/assets/NotoSansJP_400Regular-3.ttf'), 'ttf');
  write(join(stage, 'node_modules/better-sqlite3/package.json'), { name: 'better-sqlite3', version: '12.11.1' });
  write(join(stage, NATIVE), 'addon');
  write(join(stage, 'node_modules/@expo-google-fonts/noto-sans-jp/package.json'), { name: '@expo-google-fonts/noto-sans-jp', version: '0.4.3' });
  write(join(stage, FONT), 'ttf');
}

const EXPECT: Expectations = {
  bundles: ['dist/electron/main.mjs', 'dist/electron/preload.cjs', 'dist/otp-search-worker.mjs', 'dist/renderer/index.html'],
  rendererPage: 'dist/renderer/index.html',
  nativeModule: NATIVE,
  fonts: [FONT],
  needed: new Map([['better-sqlite3@12.11.1', 'dist/electron/main.mjs']]),
  allowed: new Set(['better-sqlite3@12.11.1', '@expo-google-fonts/noto-sans-jp@0.4.3']),
  devDependencies: new Set(['vitest']),
};

/** Packs the staged app (changed by `change`) into a real app.asar, the addon unpacked unless told otherwise, and checks it. */
async function problemsOf(change: (stage: string) => void = () => {}, unpack = '*.node'): Promise<string[]> {
  const dir = mkdtempSync(join(root, 'app-'));
  const stage = join(dir, 'stage');
  stageApp(stage);
  change(stage);
  const resources = join(dir, 'resources');
  await createPackageWithOptions(stage, join(resources, 'app.asar'), unpack ? { unpack } : {});
  return appProblems(readPackedApp(resources), EXPECT);
}

describe('the packed app', () => {
  it('passes with the bundles, the renderer’s files, the addon beside the archive and the font where the documents look', async () => {
    expect(await problemsOf()).toEqual([]);
  });

  it('refuses a source map, of the bundles or of a package', async () => {
    expect(await problemsOf((s) => write(join(s, 'dist/electron/main.mjs.map'), '{}'))).toEqual(['source map packed: dist/electron/main.mjs.map']);
    expect(await problemsOf((s) => write(join(s, 'node_modules/better-sqlite3/lib/index.js.map'), '{}'))).toEqual(['source map packed: node_modules/better-sqlite3/lib/index.js.map']);
  });

  it('refuses an app without the font templates/fonts.ts reads', async () => {
    expect(await problemsOf((s) => rmSync(join(s, FONT)))).toEqual([`font not where templates/fonts.ts looks: ${FONT}`]);
  });

  it('refuses the native addon inside the archive, where Electron cannot load it', async () => {
    expect(await problemsOf(undefined, '')).toEqual([
      `${NATIVE} is inside app.asar: it must be unpacked (asarUnpack), Electron cannot load a native module from the archive`,
    ]);
  });

  it('refuses a package only development needs, and misses a package the bundles need', async () => {
    const problems = await problemsOf((s) => {
      write(join(s, 'node_modules/vitest/package.json'), { name: 'vitest', version: '4.1.12' });
      rmSync(join(s, 'node_modules/better-sqlite3/package.json'));
    });
    expect(problems).toEqual([
      'better-sqlite3@12.11.1 is not packed, and dist/electron/main.mjs needs it at run time',
      'node_modules/vitest (vitest@4.1.12) is packed, but no dependency of the app needs it: a devDependency',
    ]);
  });

  it('refuses a missing bundle, and a renderer file its page or style sheet links to', async () => {
    const problems = await problemsOf((s) => {
      rmSync(join(s, 'dist/electron/preload.cjs'));
      rmSync(join(s, 'dist/renderer/assets/NotoSansJP_400Regular-3.ttf'));
    });
    expect(problems).toEqual([
      'dist/electron/preload.cjs is not packed',
      'dist/renderer/assets/NotoSansJP_400Regular-3.ttf, which dist/renderer/assets/index-2.css loads, is not packed',
    ]);
  });
});

describe('what the app needs at run time', () => {
  it('follows dependencies and required peers from where Node would find them, never devDependencies', () => {
    write(join(root, 'package.json'), { name: 'app', version: '1.0.0', dependencies: { a: '1' }, devDependencies: { dev: '1' } });
    write(join(root, 'node_modules/a/package.json'), {
      name: 'a',
      version: '1.0.0',
      dependencies: { b: '2' },
      devDependencies: { dev: '1' },
      peerDependencies: { c: '1', d: '1' },
      peerDependenciesMeta: { c: { optional: true } },
    });
    write(join(root, 'node_modules/a/node_modules/b/package.json'), { name: 'b', version: '2.0.0' });
    for (const [name, version] of [['b', '1.0.0'], ['c', '1.0.0'], ['d', '1.0.0'], ['dev', '1.0.0']]) {
      write(join(root, `node_modules/${name}/package.json`), { name, version });
    }
    const closure = runtimeClosure(root, root, ['a'], 'package.json');
    expect([...closure.keys()].sort()).toEqual(['a@1.0.0', 'b@2.0.0', 'd@1.0.0']);
    expect(closure.get('b@2.0.0')).toBe('a');
  });

  it('reads the packages a built bundle imports, not Node’s own modules, Electron’s or the bundle’s files', async () => {
    write(join(root, 'local.mjs'), 'export const x = 1;\n');
    write(
      join(root, 'bundle.mjs'),
      'import { readFileSync } from "node:fs";\nimport path from "path";\nimport { app } from "electron";\nimport { parse } from "csv-parse/sync";\nimport { x } from "./local.mjs";\nimport { verify } from "@otplib/core/x";\nconsole.log(readFileSync, path, app, parse, x, verify);\n',
    );
    expect(await bundleImports(join(root, 'bundle.mjs'))).toEqual(['@otplib/core', 'csv-parse']);
  });
});

describe('the fuses in the packed program', () => {
  it('reads the stand-in’s wire as Electron ships it, and as the packer flipped it', async () => {
    writeStandInElectron(root);
    const exe = join(root, 'electron');
    expect(await fuseProblems(exe, RELEASE_FUSES)).toEqual([
      'fuse runAsNode is true in the packed program, wanted false',
      'fuse enableCookieEncryption is false in the packed program, wanted true',
      'fuse enableNodeOptionsEnvironmentVariable is true in the packed program, wanted false',
      'fuse enableNodeCliInspectArguments is true in the packed program, wanted false',
      'fuse enableEmbeddedAsarIntegrityValidation is false in the packed program, wanted true',
      'fuse onlyLoadAppFromAsar is false in the packed program, wanted true',
      'fuse grantFileProtocolExtraPrivileges is true in the packed program, wanted false',
    ]);
    await flipFuses(exe, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(await fuseProblems(exe, RELEASE_FUSES)).toEqual([]);
    expect(await fuseProblems(exe, TEST_FUSES)).toEqual(['fuse enableNodeCliInspectArguments is false in the packed program, wanted true']);
  });
});
