import ICAL from 'ical.js';
import { parse as parseVCard4 } from 'vcard4';
import { describe, expect, it } from 'vitest';
import type { Member } from '@shared/liaison/contract.js';
import { memberVCard, writeVCards } from '@shared/liaison/vcard.js';

const longAgency =
  'Coordinación Estatal de Atención a Migrantes, Frontera Norte; Delegación Baja California — Tijuana, Tecate y Playas de Rosarito';

const members: Array<Pick<Member, 'name' | 'familyName' | 'role' | 'agency' | 'contacts'>> = [
  {
    name: 'José Ángel Núñez Peña',
    familyName: 'Núñez Peña',
    role: 'grupo_beta',
    agency: longAgency,
    contacts: [
      { id: 'p1', kind: 'phone', label: 'oficina', value: '+526640000101', working: true },
      { id: 'p2', kind: 'phone', label: 'celular', value: '+526640000102', working: true },
      { id: 'p3', kind: 'phone', label: 'viejo', value: '+526640000103', working: false },
      { id: 'e1', kind: 'email', label: '', value: 'jose.nunez@grupobeta.example', working: true },
      { id: 'r1', kind: 'radio', label: 'Tac', value: 'Canal 7, Tac 2', working: true },
    ],
  },
  {
    name: 'Pat O’Neil; Jr.',
    familyName: null,
    role: 'Watch commander, Campo Station',
    agency: 'U.S. Border Patrol',
    contacts: [{ id: 'p4', kind: 'phone', label: '', value: '+16195550101', working: true }],
  },
  {
    name: 'Dana Whitfield',
    familyName: 'Whitfield',
    role: 'port_director',
    agency: 'U.S. Customs and Border Protection',
    contacts: [{ id: 'e2', kind: 'email', label: '', value: 'dana.whitfield@cbp.example', working: true }],
  },
];

const vcf = writeVCards(members.map((m) => memberVCard(m, 'es')));
const unfolded = vcf.replace(/\r\n /g, '');

type JCardProperty = [string, Record<string, unknown>, string, unknown];
const jcards = (ICAL.parse(vcf) as unknown as Array<[string, JCardProperty[]]>).map(([, props]) => props);
const prop = (card: JCardProperty[], name: string) => card.filter((p) => p[0] === name);

describe('vCard 4.0 writer', () => {
  it('ends every line with CRLF and folds at 75 octets without splitting a UTF-8 character', () => {
    // Characters of 1, 2, 3 and 4 octets, so some fall across the 75-octet mark.
    const name = 'Ñandú € 🌵 '.repeat(20).trim();
    const card = writeVCards([{ fn: name, tels: [], emails: [] }]);
    expect(card.endsWith('\r\n')).toBe(true);
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = card.split('\r\n').slice(0, -1);
    const octets = (line: string) => new TextEncoder().encode(line).length;
    expect(lines.every((line) => octets(line) <= 75)).toBe(true);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    // A character split across lines would not decode back to the same text on its own line.
    for (const line of lines) expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
    expect((ICAL.parse(card) as unknown as [string, JCardProperty[]])[1].find((p) => p[0] === 'fn')![3]).toBe(name);
  });

  it('reads back in ical.js: one card per member, with FN, N, ORG, TITLE, TEL and EMAIL', () => {
    expect(jcards).toHaveLength(3);
    const [jose, pat, dana] = jcards as [JCardProperty[], JCardProperty[], JCardProperty[]];
    expect(prop(jose, 'fn')[0]![3]).toBe('José Ángel Núñez Peña');
    expect(prop(jose, 'n')[0]![3]).toEqual(['Núñez Peña', 'José Ángel', '', '', '']);
    expect(prop(jose, 'org')[0]![3]).toBe(longAgency);
    expect(prop(jose, 'title')[0]![3]).toBe('Coordinador del Grupo Beta');
    expect(prop(jose, 'tel').map((t) => [t[2], t[3], t[1].type])).toEqual([
      ['uri', 'tel:+526640000101', ['work', 'voice']],
      ['uri', 'tel:+526640000102', ['work', 'voice']],
    ]);
    expect(prop(jose, 'tel')[0]![1].pref).toBe('1');
    expect(prop(jose, 'email')[0]![3]).toBe('jose.nunez@grupobeta.example');
    expect(prop(jose, 'note')[0]![3]).toBe('Radio: Canal 7, Tac 2 (Tac)');
    expect(prop(pat, 'fn')[0]![3]).toBe('Pat O’Neil; Jr.');
    expect(prop(pat, 'title')[0]![3]).toBe('Watch commander, Campo Station');
    expect(prop(pat, 'n')).toEqual([]);
    expect(prop(pat, 'email')).toEqual([]);
    expect(prop(dana, 'tel')).toEqual([]);
    expect(prop(dana, 'title')[0]![3]).toBe('Director de puerto');
  });

  it('reads back in vcard4, which parses N and ORG as structured values', () => {
    const cards = parseVCard4(vcf);
    expect(Array.isArray(cards) && cards).toHaveLength(3);
    // (vcard4 splits a text value at a bare ";", which RFC 6350 allows in FN, so Pat is checked in ical.js only.)
    const [jose, , dana] = cards as Array<{
      getProperty(name: string): Array<{ value: unknown; parameters: Record<string, unknown> }>;
    }>;
    expect(jose!.getProperty('FN')[0]!.value).toBe('José Ángel Núñez Peña');
    expect(jose!.getProperty('N')[0]!.value).toMatchObject({ familyNames: 'Núñez Peña', givenNames: 'José Ángel' });
    expect(jose!.getProperty('ORG')[0]!.value).toBe(longAgency);
    expect(jose!.getProperty('TEL').map((t) => [t.value, t.parameters.TYPE])).toEqual([
      ['tel:+526640000101', ['work', 'voice']],
      ['tel:+526640000102', ['work', 'voice']],
    ]);
    expect(dana!.getProperty('EMAIL')[0]!.value).toBe('dana.whitfield@cbp.example');
    expect(dana!.getProperty('TITLE')[0]!.value).toBe('Director de puerto');
  });

  it('escapes ";" only inside structured components, never in FN or TITLE', () => {
    expect(unfolded).toContain('FN:Pat O’Neil; Jr.\r\n');
    expect(unfolded).toContain('ORG:Coordinación Estatal de Atención a Migrantes\\, Frontera Norte\\; Delegación');
    expect(unfolded).toContain('TITLE:Watch commander\\, Campo Station\r\n');
  });
});
