/**
 * What `npm run dist:check` checks, where Electron's binary cannot be downloaded: the builder's
 * configuration (electron-builder's own loader and JSON schema, then the rules this app needs) and
 * the app electron-builder packs from dist/ and node_modules (its own packer, run on a stand-in for
 * Electron's binary). Every check returns the problems it found, in words; none means good.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { Ajv } from 'ajv';
import { build as esbuild } from 'esbuild';
import type * as AsarModule from '@electron/asar';
import type * as FusesModule from '@electron/fuses';
import type * as FuseConstants from '@electron/fuses/dist/constants';
import type * as ConfigModule from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';

const require = createRequire(import.meta.url);
// The very app-builder-lib electron-builder runs, and what it runs with (not whatever is hoisted).
const builderLibDir = dirname(createRequire(require.resolve('electron-builder')).resolve('app-builder-lib/package.json'));
const fromBuilderLib = createRequire(join(builderLibDir, 'package.json'));
const asar = fromBuilderLib('@electron/asar') as typeof AsarModule;
const fuses = fromBuilderLib('@electron/fuses') as typeof FusesModule;
const { SENTINEL, FuseState } = fromBuilderLib('@electron/fuses/dist/constants') as typeof FuseConstants;
const builderConfig = fromBuilderLib('./out/util/config/config') as typeof ConfigModule;

type Fuses = NonNullable<Configuration['electronFuses']>;
export type Variant = 'release' | 'test';

/** What a release must have: no Node behind the app's back, cookies encrypted, only the checked archive loaded. */
export const RELEASE_FUSES: Fuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};
/** Playwright's _electron.launch starts the program with --inspect=0 and drives its main process through the inspector. */
export const TEST_FUSES: Fuses = { ...RELEASE_FUSES, enableNodeCliInspectArguments: true };

/** The configuration as electron-builder reads it: the file, its `extends` parents merged in. */
export async function loadBuilderConfig(projectDir: string, file: string): Promise<Configuration> {
  return (await builderConfig.getConfig(projectDir, file, null)) as Configuration;
}

let validate: ReturnType<Ajv['compile']> | undefined;
/** electron-builder's own JSON schema (app-builder-lib/scheme.json), without its type coercion: the file says what it means. */
export function schemaProblems(config: Configuration): string[] {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(builderLibDir, 'scheme.json'), 'utf8')) as object);
  if (validate(config)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'anyOf') // the branch that failed is listed on its own
    .map((e) => `schema: ${e.instancePath || '/'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

function targetNames(target: NonNullable<Configuration['win']>['target']): string[] {
  const list = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

/** The rules of this app that the schema cannot know. */
export function configProblems(config: Configuration, variant: Variant): string[] {
  const problems: string[] = [];
  if (config.asar === false) problems.push('asar is off: the app would be loose files, and onlyLoadAppFromAsar could never hold');
  const wanted = variant === 'release' ? RELEASE_FUSES : TEST_FUSES;
  for (const [fuse, value] of Object.entries(wanted)) {
    const set = (config.electronFuses as Record<string, unknown> | null | undefined)?.[fuse];
    if (set !== value) problems.push(`electronFuses.${fuse} is ${String(set)}, a ${variant} build needs ${String(value)}`);
  }
  if (config.npmRebuild === false) problems.push('npmRebuild is false: better-sqlite3 would be packed built for Node, which Electron cannot load');
  if (config.nsis?.deleteAppDataOnUninstall === true) problems.push('nsis.deleteAppDataOnUninstall would delete the ledger');
  const win = targetNames(config.win?.target);
  const linux = targetNames(config.linux?.target);
  if (variant === 'release') {
    if (!win.includes('nsis')) problems.push(`win.target is [${win.join(', ')}], a release needs nsis`);
    if (config.nsis?.perMachine !== true) problems.push('nsis.perMachine is not true: the branch PC installs once for every teller');
    for (const t of ['AppImage', 'deb']) if (!linux.includes(t)) problems.push(`linux.target is [${linux.join(', ')}], a release needs ${t}`);
  } else {
    // An inspectable build must never be installed at a counter.
    for (const [platform, names] of [['win', win], ['linux', linux]] as const) {
      if (names.join() !== 'dir') problems.push(`${platform}.target is [${names.join(', ')}], a test build makes the unpacked folder (dir) only`);
    }
  }
  return problems;
}

/** A packed app: the files in resources/app.asar (posix paths from the app's root) and which of them sit in app.asar.unpacked. */
export interface PackedApp {
  resourcesDir: string;
  files: Map<string, { unpacked: boolean }>;
}

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
}

export function readPackedApp(resourcesDir: string): PackedApp {
  const files = new Map<string, { unpacked: boolean }>();
  const walk = (node: AsarNode, at: string) => {
    if (!node.files) {
      files.set(at, { unpacked: node.unpacked === true });
      return;
    }
    for (const [name, child] of Object.entries(node.files)) walk(child, at ? `${at}/${name}` : name);
  };
  const archive = join(resourcesDir, 'app.asar');
  // @electron/asar caches an archive's header by path: a new archive at the same path must be read afresh.
  asar.uncache(archive);
  walk(asar.getRawHeader(archive).header as AsarNode, '');
  return { resourcesDir, files };
}

/** A file of the packed app as the app reads it (from the archive, or beside it if unpacked). */
export function packedFile(app: PackedApp, path: string): Buffer {
  return asar.extractFile(join(app.resourcesDir, 'app.asar'), path);
}

/** name@version, how packages are compared: the packer may lay node_modules out otherwise than npm did. */
export type PackageId = string;

const PACKAGE_JSON = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/;

/** Every package the app packs, by name@version. */
export function packedPackages(app: PackedApp): Map<PackageId, string> {
  const found = new Map<PackageId, string>();
  for (const path of app.files.keys()) {
    if (!PACKAGE_JSON.test(path)) continue;
    const { name, version } = JSON.parse(packedFile(app, path).toString('utf8')) as { name: string; version: string };
    found.set(`${name}@${version}`, path.slice(0, -'/package.json'.length));
  }
  return found;
}

interface Manifest {
  name: string;
  version: string;
  main?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Where Node finds package `name` from folder `from`: the nearest node_modules up to the project. */
function resolvePackage(projectDir: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dirname(dir) === dir) return null;
  }
}

/**
 * The packages that `names` need at run time, found from `from` as Node would: them, and all they
 * depend on (dependencies, optional ones that are installed, and peers not marked optional);
 * never devDependencies. Keyed by name@version, with who needs it.
 */
export function runtimeClosure(projectDir: string, from: string, names: Iterable<string>, neededBy: string): Map<PackageId, string> {
  const found = new Map<PackageId, string>();
  const queue = [...names].map((name) => ({ name, from, by: neededBy }));
  const seen = new Set<string>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = resolvePackage(projectDir, next.from, next.name);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const m = readManifest(dir);
    found.set(`${m.name}@${m.version}`, next.by);
    const requiredPeers = Object.keys(m.peerDependencies ?? {}).filter((p) => m.peerDependenciesMeta?.[p]?.optional !== true);
    for (const dep of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...requiredPeers]) {
      queue.push({ name: dep, from: dir, by: m.name });
    }
  }
  return found;
}

/** The package a bare specifier names: 'csv-parse/sync' → 'csv-parse', '@otplib/x/y' → '@otplib/x'. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The packages a built bundle imports (read by esbuild from the bundle itself), Node's built-ins and Electron's own module aside. */
export async function bundleImports(file: string): Promise<string[]> {
  const { metafile } = await esbuild({ entryPoints: [file], bundle: true, write: false, metafile: true, platform: 'node', packages: 'external', logLevel: 'silent' });
  const names = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path, external } of input.imports) {
      if (external && !isBuiltin(path) && !path.startsWith('.') && packageOf(path) !== 'electron') names.add(packageOf(path));
    }
  }
  return [...names].sort();
}

/** What the packed app must hold, as found in the project. */
export interface Expectations {
  /** Bundles the app loads by path: main (package.json's "main"), preload, worker, the renderer's page. */
  bundles: string[];
  /** The renderer's page, whose scripts, styles and the fonts they name must be packed beside it. */
  rendererPage: string;
  /** Must be a real file on disk: dlopen cannot read inside app.asar. */
  nativeModule: string;
  /** Where templates/fonts.ts looks for the TTFs, from the app's root. */
  fonts: string[];
  /** Packages the bundles need at run time. */
  needed: Map<PackageId, string>;
  /** Packages package.json's dependencies bring (the only ones that may be packed). */
  allowed: Set<PackageId>;
  devDependencies: Set<string>;
}

/**
 * The renderer's own files a page or style sheet links to, from the app's root: what Vite put in
 * assets/ (the page's host-bridge.js is the host's to answer, not a file), and the fonts the styles name.
 */
function linkedFiles(app: PackedApp, file: string): string[] {
  const text = packedFile(app, file).toString('utf8');
  const links = file.endsWith('.css') ? /url\(\.\/([^)]+)\)/g : /(?:src|href)="\.\/(assets\/[^"]+)"/g;
  return [...text.matchAll(links)].map((m) => `${posix.dirname(file)}/${m[1]!}`);
}

/** The packed app against what it must hold. */
export function appProblems(app: PackedApp, expect: Expectations): string[] {
  const problems: string[] = [];
  const has = (path: string) => app.files.has(path);
  for (const bundle of expect.bundles) if (!has(bundle)) problems.push(`${bundle} is not packed`);
  const pending = has(expect.rendererPage) ? [expect.rendererPage] : [];
  for (let file = pending.shift(); file; file = pending.shift()) {
    for (const linked of linkedFiles(app, file)) {
      if (!has(linked)) problems.push(`${linked}, which ${file} loads, is not packed`);
      else if (linked.endsWith('.css')) pending.push(linked);
    }
  }
  const unpackedDir = join(app.resourcesDir, 'app.asar.unpacked');
  // The archive's header lists the unpacked files too.
  for (const map of [...app.files.keys()].filter((p) => p.endsWith('.map'))) problems.push(`source map packed: ${map}`);

  const native = app.files.get(expect.nativeModule);
  if (!native) problems.push(`${expect.nativeModule} is not packed`);
  else if (!native.unpacked || !existsSync(join(unpackedDir, expect.nativeModule))) {
    problems.push(`${expect.nativeModule} is inside app.asar: it must be unpacked (asarUnpack), Electron cannot load a native module from the archive`);
  }
  for (const font of expect.fonts) if (!has(font)) problems.push(`font not where templates/fonts.ts looks: ${font}`);

  const packed = packedPackages(app);
  for (const [id, by] of expect.needed) {
    if (!packed.has(id)) problems.push(`${id} is not packed, and ${by} needs it at run time`);
  }
  for (const [id, at] of packed) {
    if (expect.allowed.has(id)) continue;
    const name = id.slice(0, id.lastIndexOf('@'));
    problems.push(`${at} (${id}) is packed, but no dependency of the app needs it${expect.devDependencies.has(name) ? ': a devDependency' : ''}`);
  }
  return problems;
}

/** Electron 45's fuse wire as it ships (fuse order of @electron/fuses' FuseV1Options), so an unset fuse reads as Electron's default. */
const SHIPPED_WIRE = '10110001';

/**
 * A stand-in for Electron's distribution: an "electron" file holding the fuse sentinel and wire
 * where the real binary has them, and the locale files electronLanguages trims. electron-builder
 * copies it, flips its fuses and packs the app beside it as it would the real one.
 */
export function writeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  for (const locale of ['ja', 'en-US', 'de']) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\n# stand-in for Electron, made by npm run dist:check\n# ${SENTINEL}\x01\x08${SHIPPED_WIRE}\n`, { mode: 0o755 });
}

/** The fuses as electron-builder left them in the packed program, against what the variant needs. */
export async function fuseProblems(executable: string, wanted: Fuses): Promise<string[]> {
  const wire = (await fuses.getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const problems: string[] = [];
  for (const [fuse, value] of Object.entries(wanted)) {
    const index = fuses.FuseV1Options[(fuse.charAt(0).toUpperCase() + fuse.slice(1)) as keyof typeof fuses.FuseV1Options];
    const state = wire[index];
    const actual = state === FuseState.ENABLE ? true : state === FuseState.DISABLE ? false : undefined;
    if (actual !== value) problems.push(`fuse ${fuse} is ${String(actual)} in the packed program, wanted ${String(value)}`);
  }
  return problems;
}

/** Paths from the project's root, with forward slashes, as the archive names them. */
export const fromProject = (projectDir: string, path: string) => relative(projectDir, path).split(sep).join('/');
