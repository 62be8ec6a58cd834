/**
 * The direction of imports is the architecture (ARCHITECTURE.md): each floor imports only the
 * floors below it, the screen knows only the API contract, nothing reaches into a host. Written
 * once here and checked by `npm run lint` over production code; tests may import anything.
 * ESLint keeps the one rule this tool cannot see: which names are imported from 'electron'.
 */

/** Our top-level folders, so that "ours" and "a package" can be told apart. */
const OURS = '^(domain|seeds|db|services|templates|sync|core-service|electron|browser|renderer)/';

const any = (paths) => `^(${paths.join('|')})`;
const folders = (names) => names.map((name) => `${name}/`);
const packages = (names) => names.map((name) => `node_modules/${name}/`);

/** `from` may import, of ours, only what `allowed` matches. */
function onlyOurs(name, from, allowed, comment) {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: OURS, pathNot: any(allowed) } };
}

/** `from` may import only these npm packages, and no Node built-in but those named (without `node:`). */
function onlyPackages(name, from, allowedPackages, allowedBuiltins, comment) {
  return [
    { name: `${name}-packages`, comment, severity: 'error', from: { path: from }, to: { path: '^node_modules/', pathNot: any(packages(allowedPackages)) } },
    {
      name: `${name}-node-builtins`,
      comment,
      severity: 'error',
      from: { path: from },
      to: { dependencyTypes: ['core'], ...(allowedBuiltins.length > 0 ? { pathNot: `^(node:)?(${allowedBuiltins.join('|')})$` } : {}) },
    },
  ];
}

/** A library with one home: nobody else imports it. */
function onlyIn(name, pkg, home, comment) {
  return { name, comment, severity: 'error', from: { path: OURS, pathNot: home }, to: { path: `^node_modules/${pkg}/` } };
}

/** The renderer's layers, bottom to top: each imports only layers below it (and itself). */
const RENDERER_LAYERS = [
  ['root', { path: '^renderer/[^/]+$', pathNot: '^renderer/main\\.tsx$' }],
  ['hooks', { path: '^renderer/hooks/' }],
  ['components', { path: '^renderer/components/' }],
  ['counter', { path: '^renderer/counter/' }],
  ['screens', { path: '^renderer/screens/' }],
  ['app', { path: '^renderer/app/' }],
  ['main', { path: '^renderer/main\\.tsx$' }],
];

const rendererLayerRules = RENDERER_LAYERS.slice(0, -1).map(([layer, from], i) => ({
  name: `renderer-${layer}-imports-only-lower-layers`,
  comment: 'renderer/: root files (api, format, pdf, global.d.ts) → hooks → components → counter → screens → app → main.tsx.',
  severity: 'error',
  from,
  to: { path: RENDERER_LAYERS.slice(i + 1).map(([, above]) => above.path) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'A cycle has no bottom floor: split the module that both sides need.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', comment: 'An import that does not resolve is a typo or a missing package.', severity: 'error', from: {}, to: { couldNotResolve: true } },

    onlyOurs('domain-imports-only-domain', '^domain/', folders(['domain']), 'The domain is the bottom floor: pure rules over plain data.'),
    ...onlyPackages('domain', '^domain/', ['otplib', '@otplib/hotp', '@otplib/plugin-crypto-noble', '@holiday-jp/holiday_jp'], [], 'The domain does no I/O: no Node built-ins, no database, no host.'),

    onlyOurs('seeds-imports-only-domain', '^seeds/', folders(['seeds', 'domain']), 'Seed-file parsers sit on the domain and know nothing above it.'),
    ...onlyPackages('seeds', '^seeds/', ['fast-xml-parser', 'csv-parse'], ['crypto'], 'Seed-file parsers decrypt and parse; they do no other I/O.'),

    onlyOurs('db-imports-only-below', '^db/', folders(['db', 'domain', 'seeds']), 'The database never reaches services, documents, a host or the screen.'),

    onlyOurs('templates-imports-only-domain', '^templates/', folders(['templates', 'domain']), 'Documents are drawn from domain types, not from rows or the contract.'),
    ...onlyPackages('templates', '^templates/', ['pdfkit', '@expo-google-fonts/noto-sans-jp'], ['fs', 'module'], 'Documents need pdfkit and the font file, nothing else.'),

    onlyOurs('services-never-reach-a-host', '^services/', folders(['services', 'domain', 'seeds', 'db', 'templates', 'sync']), 'Services are host-agnostic and know nothing of the screen.'),

    onlyOurs('sync-imports-only-below-services', '^sync/', folders(['sync', 'domain', 'db']), 'The terminal side of the sync works over the domain and the ledger.'),

    onlyOurs('core-service-imports-only-domain-and-seeds', '^core-service/', folders(['core-service', 'domain', 'seeds']), 'The bank’s side of the protocol shares only the rules with the terminal.'),
    { name: 'nothing-imports-the-core-service', comment: 'The core service is another program: the terminal talks to it over the protocol.', severity: 'error', from: { path: OURS, pathNot: '^core-service/' }, to: { path: '^core-service/' } },

    { name: 'nothing-imports-the-electron-host', comment: 'A host mounts the rest; nothing else reaches into it.', severity: 'error', from: { path: OURS, pathNot: '^electron/' }, to: { path: '^electron/' } },
    {
      name: 'nothing-imports-the-browser-host',
      comment: 'A host mounts the rest; nothing else reaches into it. The launcher alone starts browser mode where Electron’s binary is missing.',
      severity: 'error',
      from: { path: OURS, pathNot: '^(browser/|electron/launch\\.ts$)' },
      to: { path: '^browser/' },
    },
    { name: 'launcher-starts-browser-mode-only', comment: 'The launcher may start browser mode, nothing more of that host.', severity: 'error', from: { path: '^electron/launch\\.ts$' }, to: { path: '^browser/', pathNot: '^browser/main\\.ts$' } },

    onlyOurs('renderer-imports-only-the-contract', '^renderer/', ['renderer/', 'services/contract\\.ts$'], 'The screen knows only the API contract (and what it re-exports) and window.madoguchi.'),
    ...onlyPackages('renderer', '^renderer/', ['react', 'react-dom', 'recharts'], [], 'The renderer holds no Node: no built-ins, no database, no PDF, no OTP, no host.'),
    ...rendererLayerRules,
    {
      name: 'renderer-screens-do-not-import-each-other',
      comment: 'What two screens share lives in counter/ or components/.',
      severity: 'error',
      from: { path: '^renderer/screens/([^/]+)/' },
      to: { path: '^renderer/screens/', pathNot: '^renderer/screens/$1/' },
    },

    onlyIn('pdfkit-only-in-templates', 'pdfkit', '^templates/', 'Documents are drawn in one place.'),
    onlyIn('otplib-only-in-domain', 'otplib', '^domain/', 'One-time codes are checked by the domain’s rule.'),
    onlyIn('electron-only-in-its-host', 'electron', '^electron/', 'Only the Electron host knows Electron.'),
    onlyIn('fastify-only-in-http-servers', '(fastify|@fastify/[^/]+)', '^(browser|core-service)/', 'HTTP is served by browser mode and by the core service only.'),
  ],
  options: {
    // Production code only; tests, benchmarks and build scripts may reach anything.
    exclude: { path: '^(tests|bench|scripts|dist|test-results|playwright-report|\\.scratch)/|^[^/]+\\.(ts|js|cjs|mjs)$' },
    doNotFollow: { path: 'node_modules' },
    // A type-only import is a dependency too: the screen may not even name a row type of the database.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'],
    },
  },
};
