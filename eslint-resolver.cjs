// Resolves imports for the architecture boundaries in eslint.config.js the way TypeScript
// does: the `paths` aliases of tsconfig.json (@shared/*, @server/*, @seeds/*, @client/*) and
// `.js` specifiers that name `.ts`/`.tsx` files. (eslint-import-resolver interface v2.)
const path = require('node:path');
const ts = require('typescript');

const tsconfig = path.join(__dirname, 'tsconfig.json');
const parsed = ts.getParsedCommandLineOfConfigFile(
  tsconfig,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
// Bundler resolution accepts both the server's `.js` specifiers and the client's.
const options = {
  ...parsed.options,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
};
const cache = ts.createModuleResolutionCache(__dirname, (name) => name, options);

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  if (source.startsWith('node:')) return { found: true, path: null };
  const { resolvedModule } = ts.resolveModuleName(source, file, options, ts.sys, cache);
  if (resolvedModule) return { found: true, path: resolvedModule.resolvedFileName };
  // Assets the bundler imports (styles, `?url`): a relative path to an existing file.
  const asset = path.resolve(path.dirname(file), source.replace(/\?.*$/, ''));
  return source.startsWith('.') && ts.sys.fileExists(asset) ? { found: true, path: asset } : { found: false };
};
