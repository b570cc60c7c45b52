import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.js';
import { es } from '../../shared/i18n/es.js';

const catalogues = { en, es } as Record<string, Record<string, string>>;
const clientSrc = fileURLToPath(new URL('../../client/src', import.meta.url));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Literal keys in `t('key')` calls (also `t("key")`). Keys built from data, such as
 * t(`severity.${severity}`), are checked by TypeScript: the template must be a MessageKey.
 */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(clientSrc)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) used.set(match[2]!, file);
  }
  return used;
}

describe('i18n catalogues', () => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message in either language', () => {
    for (const [language, messages] of Object.entries(catalogues)) {
      const empty = Object.entries(messages).filter(([, text]) => !text.trim()).map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(en).filter((key) => placeholders(catalogues.en![key]!).join() !== placeholders(catalogues.es![key] ?? '').join());
    expect(differing).toEqual([]);
  });

  it('hold every key the client uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50); // the scan found the client's t('…') calls
    const missing = [...used].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
