import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientBuildState, clientInputsHash, recordClientBuild } from '@server/cli/build-client.js';

/** `npm start` rebuilds the client only when its inputs changed (server/cli/build-client.ts). */
describe('npm start: is the client build up to date?', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

  /** A project with inputs and, when `built`, a client built from them. */
  function project(built: boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'client-build-'));
    roots.push(root);
    mkdirSync(join(root, 'client', 'src'), { recursive: true });
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'client', 'src', 'main.tsx'), 'export {};\n');
    writeFileSync(join(root, 'shared', 'geo.ts'), 'export const km = 1;\n');
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    if (built) {
      mkdirSync(join(root, 'dist', 'client'), { recursive: true });
      writeFileSync(join(root, 'dist', 'client', 'index.html'), '<!doctype html>\n');
      recordClientBuild(root, clientInputsHash(root), new Date());
    }
    return root;
  }

  it('builds a client that was never built, or built without a record', () => {
    const root = project(false);
    expect(clientBuildState(root, clientInputsHash(root))).toEqual({ upToDate: false, reason: 'no client build yet' });
    mkdirSync(join(root, 'dist', 'client'), { recursive: true });
    writeFileSync(join(root, 'dist', 'client', 'index.html'), '');
    expect(clientBuildState(root, clientInputsHash(root)).upToDate).toBe(false);
  });

  it('skips the build while the inputs are the same, even when a checkout or npm install touched them', () => {
    const root = project(true);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'package-lock.json'), later, later);
    expect(clientBuildState(root, clientInputsHash(root))).toEqual({ upToDate: true });
  });

  it.each([
    [
      'a shared file changes',
      (root: string) => writeFileSync(join(root, 'shared', 'geo.ts'), 'export const km = 2;\n'),
    ],
    ['a client file is added', (root: string) => writeFileSync(join(root, 'client', 'src', 'extra.ts'), '')],
    ['a dependency changes', (root: string) => writeFileSync(join(root, 'package-lock.json'), '{"v":2}\n')],
    ['the build output is gone', (root: string) => rmSync(join(root, 'dist', 'client'), { recursive: true })],
  ])('rebuilds when %s', (_, change) => {
    const root = project(true);
    change(root);
    expect(clientBuildState(root, clientInputsHash(root)).upToDate).toBe(false);
  });
});
