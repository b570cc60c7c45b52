import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The architecture as the boundaries rule sees it: elements are folders (paths from the repo
 * root; the first descriptor that matches a file classifies it), files add categories.
 */
const elements = [
  { type: 'shared', pattern: 'shared' },
  { type: 'server-core', pattern: 'server/core' },
  { type: 'server-schema', pattern: 'server/db/schema' },
  { type: 'server-feature', pattern: 'server/features/*', capture: ['feature'] },
  // Composition: app.ts, main.ts, bootstrap.ts, dev.ts and the CLIs.
  { type: 'server-app', pattern: 'server' },
  { type: 'seeds', pattern: 'seeds' },
  { type: 'client-feature', pattern: 'client/src/features/*', capture: ['feature'] },
  { type: 'client-app', pattern: 'client/src/app' },
  { type: 'client-lib', pattern: 'client/src/{lib,components}' },
  // main.tsx: the entry point, part of the composition.
  { type: 'client-app', pattern: 'client/src' },
  { type: 'client-tooling', pattern: 'client' },
  { type: 'tests', pattern: 'tests' },
].map((descriptor) => ({ ...descriptor, partialMatch: false }));

/** Features that hang on an incident: they fill the incident page's slots and write on its timeline. */
const incidentAddOns = ['checklists', 'sar'];

const files = [
  // A feature's public API: its plugin (server) or manifest (client), and their types.
  { category: 'public-api', pattern: '{server,client/src}/features/*/index.{ts,tsx}' },
  // The incident feature, everywhere it lives, and the features that add to it.
  { category: 'incident-host', pattern: '{shared,server/features,client/src/features}/incidents/**' },
  {
    category: 'incident-add-on',
    pattern: `{shared,server/features,client/src/features}/{${incidentAddOns.join(',')}}/**`,
  },
  // Tables core itself writes: users and sessions, the outbox, the audit log, due work.
  { category: 'core-table', pattern: 'server/db/schema/{users,events,audit-log,due-work}.ts' },
  { category: 'table', pattern: 'server/db/schema/*.ts', capture: ['table'] },
];

const element = (...types) => ({ element: { types: { anyOf: types } } });
const ofSameFeature = (type) => ({ element: { type, captured: { feature: '{{ from.element.captured.feature }}' } } });
const publicApi = (type) => ({ element: { type }, file: { categories: 'public-api' } });

/** Who may import whom. Anything not allowed here is refused. */
const policies = [
  // shared/ is the contract both sides import: it imports neither.
  { from: element('shared'), allow: { to: element('shared') } },
  // Core never imports a feature, nor a feature's tables.
  {
    from: element('server-core'),
    allow: {
      to: [element('shared', 'server-core'), { ...element('server-schema'), file: { categories: 'core-table' } }],
    },
  },
  // Tables reference each other (foreign keys) and are built from shared/ constants.
  { from: element('server-schema'), allow: { to: element('shared', 'server-schema') } },
  // A feature: core and its tables, its own files and tables, other features only through their index.ts.
  {
    from: element('server-feature'),
    allow: {
      to: [
        element('shared', 'server-core'),
        { ...element('server-schema'), file: { categories: 'core-table' } },
        { ...element('server-schema'), file: { captured: { table: '{{ from.element.captured.feature }}' } } },
        ofSameFeature('server-feature'),
        publicApi('server-feature'),
      ],
    },
  },
  // Composition roots wire features by their plugins, never their internals.
  {
    from: element('server-app'),
    allow: {
      to: [element('shared', 'server-core', 'server-schema', 'server-app', 'seeds'), publicApi('server-feature')],
    },
  },
  // Seed data goes straight to tables through core: no feature internals.
  { from: element('seeds'), allow: { to: element('shared', 'server-core', 'server-schema', 'seeds') } },
  // Client: never the server (types included). app/ composes features by their manifests.
  {
    from: element('client-app'),
    allow: { to: [element('shared', 'client-lib', 'client-app'), publicApi('client-feature')] },
  },
  {
    from: element('client-feature'),
    allow: { to: [element('shared', 'client-lib'), ofSameFeature('client-feature'), publicApi('client-feature')] },
  },
  { from: element('client-lib'), allow: { to: element('shared', 'client-lib') } },
  // Build tooling (vite.config.ts, the basemap extraction) imports its own files only.
  { from: element('client-tooling'), allow: { to: element('client-tooling') } },
  // Tests may reach anything they test.
  { from: element('tests'), allow: { to: element(...new Set(elements.map((e) => e.type))) } },
  // The incident page is a host: its add-ons contribute their panels and timeline kinds, and it
  // (its contract included) imports none of them, not even a public API. Last, so it overrides the above.
  { from: { file: { categories: 'incident-host' } }, disallow: { to: { file: { categories: 'incident-add-on' } } } },
];

export default defineConfig(
  {
    ignores: ['dist/**', 'data/**', 'migrations/**', 'coverage/**', 'test-results/**', 'test-artifacts/**', '.tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The two plain-JavaScript files: this config (ESM) and its import resolver (CommonJS).
    files: ['*.js', '*.cjs'],
    languageOptions: {
      globals: { URL: 'readonly', require: 'readonly', exports: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      // Lazy routes (`import()`) and re-exports cross boundaries as much as imports do.
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/root-path': fileURLToPath(new URL('.', import.meta.url)),
      'import/resolver': { [fileURLToPath(new URL('./eslint-resolver.cjs', import.meta.url))]: {} },
    },
    rules: {
      // checkUnknownLocals: a local file outside every element is refused too, not waved through.
      // checkInternals: imports inside one element are held to the policies too (shared/incidents → shared/sar).
      'boundaries/dependencies': [
        'error',
        { default: 'disallow', checkUnknownLocals: true, checkInternals: true, policies },
      ],
    },
  },
);
