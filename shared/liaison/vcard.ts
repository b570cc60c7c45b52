import type { Language } from '@shared/i18n/index.js';
import type { Member } from './contract.js';
import { roleLabel } from './text.js';
import { telUri } from './phone.js';

/** One card's content; `org` and `n` are structured (their components may hold ";"). */
export interface VCardInput {
  fn: string;
  n?: { family: string; given: string };
  org?: string[];
  title?: string;
  tels: Array<{ uri: string; types: string[]; pref?: boolean }>;
  emails: string[];
  note?: string;
}

/** RFC 6350 §3.4: in text values "\", "," and newlines are escaped… */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** …and ";" too, but only inside a structured value's components (N, ADR, ORG). */
function component(value: string): string {
  return text(value).replace(/;/g, '\\;');
}

function utf8Octets(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** RFC 6350 §3.2: lines of at most 75 octets, continued after CRLF + one space, never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let [current, octets, limit] = ['', 0, 75];
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > limit) {
      parts.push(current);
      // The continuation's leading space counts toward its 75 octets.
      [current, octets, limit] = ['', 0, 74];
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function cardLines(card: VCardInput): string[] {
  return [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${text(card.fn)}`,
    ...(card.n ? [`N:${component(card.n.family)};${component(card.n.given)};;;`] : []),
    ...(card.org ? [`ORG:${card.org.map(component).join(';')}`] : []),
    ...(card.title ? [`TITLE:${text(card.title)}`] : []),
    ...card.tels.map((t) => `TEL;VALUE=uri;TYPE="${t.types.join(',')}"${t.pref ? ';PREF=1' : ''}:${t.uri}`),
    ...card.emails.map((e) => `EMAIL;TYPE=work:${text(e)}`),
    ...(card.note ? [`NOTE:${text(card.note)}`] : []),
    'END:VCARD',
  ];
}

/** A vCard 4.0 stream (text/vcard): one card each, CRLF line ends, folded at 75 octets. */
export function writeVCards(cards: readonly VCardInput[]): string {
  return cards
    .flatMap(cardLines)
    .map((line) => `${fold(line)}\r\n`)
    .join('');
}

/**
 * A mechanism member as a contact card: title in the reader's language, working phones
 * as `tel:` URIs (the first preferred), working emails, radio channels in the note since
 * vCard has no radio property.
 */
export function memberVCard(
  member: Pick<Member, 'name' | 'familyName' | 'role' | 'agency' | 'contacts'>,
  language: Language,
): VCardInput {
  const working = member.contacts.filter((c) => c.working);
  const family = member.familyName;
  const radio = working.filter((c) => c.kind === 'radio').map((c) => (c.label ? `${c.value} (${c.label})` : c.value));
  return {
    fn: member.name,
    ...(family
      ? { n: { family, given: member.name.endsWith(family) ? member.name.slice(0, -family.length).trim() : '' } }
      : {}),
    org: [member.agency],
    title: roleLabel(member.role)[language],
    tels: working
      .filter((c) => c.kind === 'phone')
      .map((c, i) => ({ uri: telUri(c.value), types: ['work', 'voice'], pref: i === 0 })),
    emails: working.filter((c) => c.kind === 'email').map((c) => c.value),
    ...(radio.length ? { note: `Radio: ${radio.join('; ')}` } : {}),
  };
}
