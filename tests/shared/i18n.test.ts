import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languages, messages, ref, t, type MessageKey } from '@shared/i18n/index.js';
import type { MessageText } from '@shared/i18n/define.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entries = Object.entries(messages) as [MessageKey, { en: MessageText; es: MessageText }][];

const forms = (text: MessageText) => (typeof text === 'string' ? [text] : Object.values(text));
const placeholders = (text: MessageText) =>
  [...new Set(forms(text).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/messages\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What the code can ask for: every quoted string, and the fixed start of every template
 * literal (`severity.${severity}` can reach any `severity.` key).
 */
function referencedText(): { literals: Set<string>; prefixes: string[] } {
  const literals = new Set<string>();
  const prefixes: string[] = [];
  for (const dir of ['client/src', 'server', 'shared', 'seeds']) {
    for (const file of sourceFiles(join(root, dir))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(['"])([\w.-]+)\1/g)) literals.add(m[2]!);
      for (const m of source.matchAll(/`([\w.-]+)\$\{/g)) prefixes.push(m[1]!);
    }
  }
  return { literals, prefixes };
}

describe('i18n catalogues', () => {
  it('have every message in English and in Spanish, none empty', () => {
    const missing = entries.flatMap(([key, entry]) =>
      languages
        .filter((language) => !entry[language] || forms(entry[language]).some((f) => !f.trim()))
        .map((language) => `${language}:${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = entries
      .filter(([, entry]) => placeholders(entry.en).join() !== placeholders(entry.es).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('hold no key that no code uses', () => {
    const { literals, prefixes } = referencedText();
    const unused = entries
      .map(([key]) => key)
      .filter((key) => !literals.has(key) && !prefixes.some((p) => p.endsWith('.') && key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('render enum labels inside sentences in the reader’s language', () => {
    const reason = { from: ref('status.closed'), to: ref('status.responding') };
    expect(t('es', 'incidentError.transition', reason)).toBe('no puede pasar de Cerrado a En atención');
    expect(t('en', 'incidentError.transition', reason)).toBe('cannot go from Closed to Responding');
  });
});
