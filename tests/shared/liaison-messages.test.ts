import { describe, expect, it } from 'vitest';
import { contactKinds, memberRoles } from '@shared/liaison/contract.js';
import { liaisonMessages, type LiaisonMessageKey } from '@shared/liaison/messages.js';
import { liaisonText, roleLabel } from '@shared/liaison/text.js';

type Text = string | { one?: string; other: string };
const forms = (text: Text) => (typeof text === 'string' ? [text] : Object.values(text));
const params = (text: Text) =>
  [...new Set(forms(text).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('liaison messages', () => {
  it('have every sentence in English and Spanish with the same parameters', () => {
    for (const [key, { en, es }] of Object.entries(liaisonMessages) as Array<[string, { en: Text; es: Text }]>) {
      for (const form of [...forms(en), ...forms(es)]) expect(form.trim(), key).not.toBe('');
      expect(params(es), key).toEqual(params(en));
      for (const form of forms(es)) expect(form, key).not.toMatch(/\b(AM|PM)\b/);
    }
  });

  it('label every role key, contact kind and side, so no raw code reaches a Spanish reader', () => {
    for (const role of memberRoles) expect(roleLabel(role).es).not.toBe(role);
    for (const kind of contactKinds)
      expect(liaisonText(`liaison.contactKind.${kind}` as LiaisonMessageKey).es).toBeTruthy();
    expect(liaisonText('liaison.side.US')).toEqual({ en: 'United States', es: 'Estados Unidos' });
    expect(liaisonText('liaison.side.MX')).toEqual({ en: 'Mexico', es: 'México' });
  });

  it('fills parameters in both languages and keeps an official’s own title as written', () => {
    expect(liaisonText('liaison.flag.notVerified', { days: 90 })).toEqual({
      en: 'Not verified for 90 days',
      es: 'Sin verificar desde hace 90 días',
    });
    expect(roleLabel('Watch commander, Campo Station')).toEqual({
      en: 'Watch commander, Campo Station',
      es: 'Watch commander, Campo Station',
    });
  });
});
