import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * An empty embedded cluster, made once per install. PGlite creates a new data folder by
 * running initdb inside WebAssembly (a second PGlite instance and initdb's own module):
 * 4–5 s on an idle 2-core machine, 15 s on a busy one, most of a first `npm start`. Loading
 * the same empty cluster from a tarball takes about a third of that. `npm install` makes the
 * tarball (server/cli/prepare-embedded.ts); a new data folder starts from it, and from
 * initdb when it is missing. Named by PGlite's version: another version makes its own.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

function pgliteVersion(): string {
  const manifest = join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export const pgliteTemplateFile = (): string =>
  join(root, 'node_modules', '.cache', 'boc', `pglite-${pgliteVersion()}-empty-cluster.tar.gz`);

/** The empty cluster to start a new data folder from, or undefined where the folder has one or no template exists. */
export async function templateFor(dataDir: string): Promise<Blob | undefined> {
  const file = pgliteTemplateFile();
  if (existsSync(join(dataDir, 'PG_VERSION')) || !existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}

/** Runs initdb once, in memory, and keeps the result; written whole or not at all. */
export async function makePgliteTemplate(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const file = pgliteTemplateFile();
  const client = await PGlite.create();
  try {
    const dump = await client.dumpDataDir('gzip');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    await rename(`${file}.partial`, file);
  } finally {
    await client.close();
  }
  return file;
}
