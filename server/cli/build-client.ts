import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inputsHash } from '@server/core/inputs-hash.js';

/*
 * `npm start`'s first step: builds the client (`npm run build`, 10–20 s) unless dist/client
 * was built from exactly the inputs there are now. `npm run build` itself always builds.
 *
 * The inputs are compared by content (server/core/inputs-hash.ts); they hash in well under a
 * second.
 *
 * The inputs: client/ (sources, index.html, public/, the basemap extraction, vite.config.ts),
 * shared/ (imported by the client), tsconfig.json (its `paths` resolve the imports) and
 * package-lock.json (dependency versions, including the map data packages the basemap is
 * extracted from). After a successful build their hash is written to dist/client-build.json,
 * outside dist/client so it is never served; a build made otherwise (`npm run build`) has no
 * record and is rebuilt once.
 */

export const CLIENT_BUILD_INPUTS = ['client', 'shared', 'tsconfig.json', 'package-lock.json'];
export const CLIENT_DIR = join('dist', 'client');
export const CLIENT_BUILD_RECORD = join('dist', 'client-build.json');

/** A SHA-256 of the client's inputs: equal exactly when a build would read the same files. */
export const clientInputsHash = (root: string): string => inputsHash(root, CLIENT_BUILD_INPUTS);

export type ClientBuildState = { upToDate: true } | { upToDate: false; reason: string };

/** Whether dist/client holds a build of the current inputs (`inputsHash`: `clientInputsHash(root)`). */
export function clientBuildState(root: string, inputsHash: string): ClientBuildState {
  if (!existsSync(join(root, CLIENT_DIR, 'index.html'))) return { upToDate: false, reason: 'no client build yet' };
  let recorded: unknown;
  try {
    recorded = (JSON.parse(readFileSync(join(root, CLIENT_BUILD_RECORD), 'utf8')) as { inputs?: unknown }).inputs;
  } catch {
    return { upToDate: false, reason: 'the client was built without a record of its inputs' };
  }
  return recorded === inputsHash ? { upToDate: true } : { upToDate: false, reason: 'the client sources changed' };
}

/** Notes that dist/client was built from inputs hashing to `inputsHash`. */
export function recordClientBuild(root: string, inputsHash: string, at: Date): void {
  writeFileSync(join(root, CLIENT_BUILD_RECORD), `${JSON.stringify({ inputs: inputsHash, builtAt: at })}\n`);
}

function main(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Hashed before building: a file edited during the build makes the next start rebuild.
  const inputs = clientInputsHash(root);
  const state = clientBuildState(root, inputs);
  if (state.upToDate) {
    console.log('client: dist/client is up to date, not rebuilding (`npm run build` forces a build)');
    return;
  }
  console.log(`client: building dist/client (${state.reason})…`);
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordClientBuild(root, inputs, new Date());
  console.log(`client: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
