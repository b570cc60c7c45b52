import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/*
 * "Was this made from exactly these files?": the client build (server/cli/build-client.ts)
 * and the seed data (server/bootstrap.ts) redo their work only when their inputs changed.
 * By content, not modification times: `npm install` rewrites package-lock.json on every run
 * and a checkout touches every file it writes.
 */

/** Every file at or under `input` (a file or a folder), relative to `root`, with `/` separators. */
function filesOf(root: string, input: string): string[] {
  const full = join(root, input);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [input];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A SHA-256 of the inputs' paths and contents: equal exactly when the same files hold the same bytes. */
export function inputsHash(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesOf(root, input)).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
