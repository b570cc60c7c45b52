import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  CAP_CONTENT_TYPE,
  type Advisory,
  type AdvisorySeverity,
  type CapMessageType,
  type Hazard,
} from '@shared/advisories/contract.js';
import { MAX_POLYGON_POSITIONS, polygonProblem } from '@shared/polygon.js';
import { t, ref, type Language } from '@shared/i18n/index.js';
import type { MessageRef } from '@shared/i18n/define.js';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import type { ErrorCode } from '@shared/errors.js';
import { AppError } from '@server/core/errors.js';
import { bilingualRef } from '@shared/i18n/index.js';

/** OASIS CAP 1.2 (http://docs.oasis-open.org/emergency/cap/v1.2/). */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
/** Who the console's messages come from: CAP `<sender>` (unique to the originator). */
export const CAP_SENDER = 'advisories@border-operations-console';
/** CAP messages are small; anything larger is refused before it is parsed (413). */
export const CAP_BODY_LIMIT = 128 * 1024;

/** One `<info>` per language of the console (CAP `language` codes). */
const capLanguages: Record<Language, string> = { en: 'en-US', es: 'es-MX' };

/**
 * CAP's dateTime: `YYYY-MM-DDThh:mm:ss±hh:mm`. The schema's pattern refuses `Z` and
 * fractions of a second, so UTC is written `-00:00` (CAP 1.2 §3.3.2).
 */
export function capTime(instant: Date | string): string {
  return `${new Date(instant).toISOString().slice(0, 19)}-00:00`;
}

const capTimePattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;
/**
 * Times an imported message may carry: from 1970 to the end of 2199. Anything outside is a
 * typo or a probe, not a warning (security issue #22), and stays out of the database.
 */
const capTimeRange = { from: Date.UTC(1970, 0, 1), to: Date.UTC(2200, 0, 1) };
/** How deep an imported message's elements may nest: CAP itself needs 4 (alert, info, area, polygon). */
export const CAP_MAX_DEPTH = 20;

/** A GeoJSON ring (lon, lat) as a CAP polygon: "lat,lon" pairs separated by spaces. */
const capPolygon = (polygon: PolygonGeometry) => polygon.coordinates[0]!.map(([lon, lat]) => `${lat},${lon}`).join(' ');

const capSeverity: Record<AdvisorySeverity, string> = {
  minor: 'Minor',
  moderate: 'Moderate',
  severe: 'Severe',
  extreme: 'Extreme',
};
/** CAP `category`: fire for wildfires, meteorological for the rest of the weather, else other. */
const capCategory = (hazard: Hazard) => (hazard === 'wildfire' ? 'Fire' : hazard === 'other' ? 'Other' : 'Met');

export interface CapMessage {
  identifier: string;
  sent: Date;
  msgType: CapMessageType;
}

/** Messages a CAP message replaces or cancels: `<references>` as "sender,identifier,sent" triples. */
const referencesOf = (earlier: readonly CapMessage[]) =>
  earlier.map((m) => `${CAP_SENDER},${m.identifier},${capTime(m.sent)}`).join(' ');

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

/**
 * The advisory as one CAP 1.2 message: Alert on publishing, Update (citing every earlier
 * message) on a change, Cancel on cancelling; `status` Exercise for a drill. One `<info>`
 * per language, one `<area>` with a `<polygon>` per shape.
 */
export function buildCapMessage(advisory: Advisory, message: CapMessage, earlier: readonly CapMessage[]): string {
  // CAP's effective/expires: not before `sent`, so a message sent inside the validity starts now.
  const effective = new Date(Math.max(Date.parse(advisory.validFrom), message.sent.getTime()));
  const info = (language: Language) => {
    const hazardRef = ref(`hazard.${advisory.hazard}`);
    const areaNames = advisory.areas.map((a) => a.name[language]);
    if (advisory.polygon) areaNames.push(t(language, 'advisories.drawnArea'));
    return {
      language: capLanguages[language],
      category: [capCategory(advisory.hazard)],
      event: t(language, `hazard.${advisory.hazard}`),
      responseType: [message.msgType === 'Cancel' ? 'AllClear' : 'Monitor'],
      urgency: Date.parse(advisory.validFrom) <= message.sent.getTime() ? 'Immediate' : 'Expected',
      severity: capSeverity[advisory.severity],
      certainty: 'Likely',
      effective: capTime(effective),
      expires: capTime(advisory.validTo),
      senderName: t(language, 'advisories.senderName'),
      headline: t(language, 'advisoryCap.headline', {
        hazard: hazardRef,
        severity: ref(`advisorySeverity.${advisory.severity}`),
      }),
      description: advisory.text[language] ?? undefined,
      area: [{ areaDesc: areaNames.join('; '), polygon: advisory.shapes.map(capPolygon) }],
    };
  };
  const alert = {
    '@_xmlns': CAP_NAMESPACE,
    identifier: message.identifier,
    sender: CAP_SENDER,
    sent: capTime(message.sent),
    status: advisory.exercise ? 'Exercise' : 'Actual',
    msgType: message.msgType,
    scope: 'Public',
    note: message.msgType === 'Cancel' ? (advisory.cancelReason ?? undefined) : undefined,
    references: message.msgType === 'Alert' ? undefined : referencesOf(earlier),
    info: (['en', 'es'] as const).map(info),
  };
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, alert }) as string;
}

export interface AtomEntry {
  advisory: Advisory;
  message: CapMessage;
  url: string;
}

/** The public index (RFC 4287 Atom) of active and recently cancelled advisories, each linking its CAP message. */
export function buildAtomFeed(options: { selfUrl: string; updated: Date; entries: readonly AtomEntry[] }): string {
  const feed = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    id: options.selfUrl,
    title: `${t('en', 'advisories.title')} / ${t('es', 'advisories.title')}`,
    updated: capTime(options.updated),
    author: { name: t('en', 'advisories.senderName') },
    link: { '@_rel': 'self', '@_href': options.selfUrl, '@_type': 'application/atom+xml' },
    entry: options.entries.map(({ advisory, message, url }) => ({
      id: `urn:uuid:${advisory.id}`,
      title: `${headline('en', advisory)} / ${headline('es', advisory)}`,
      updated: capTime(message.sent),
      summary: `${message.msgType}${advisory.exercise ? ' (Exercise)' : ''}: ${advisory.text.en ?? ''}`,
      link: { '@_rel': 'alternate', '@_href': url, '@_type': CAP_CONTENT_TYPE },
    })),
  };
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, feed }) as string;
}

const headline = (language: Language, advisory: Advisory) =>
  t(language, 'advisoryCap.headline', {
    hazard: ref(`hazard.${advisory.hazard}`),
    severity: ref(`advisorySeverity.${advisory.severity}`),
  });

// ---------------------------------------------------------------------------------------------
// Import: another agency's CAP message as a draft advisory.

/** What an imported message gives the draft; the service matches its polygons to the high-risk areas. */
export interface CapImport {
  hazard: Hazard;
  severity: AdvisorySeverity;
  polygons: PolygonGeometry[];
  validFrom: string;
  validTo: string;
  text: { en?: string; es?: string };
  exercise: boolean;
}

const repeating = new Set([
  'info',
  'category',
  'area',
  'polygon',
  'circle',
  'geocode',
  'eventCode',
  'parameter',
  'resource',
  'code',
  'responseType',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tagName) => repeating.has(tagName.replace(/^.*:/, '')),
  maxNestedTags: CAP_MAX_DEPTH,
});

const refused = (reason: MessageRef, code: ErrorCode = 'invalid_cap') => {
  const text = bilingualRef(reason);
  return new AppError(400, code, text, { fields: [{ path: 'body', message: text }] });
};
const capField = (field: string, reason: MessageRef) =>
  refused(ref('advisoryError.capField', { field: `<${field}>`, reason }));

type XmlNode = Record<string, unknown>;

/**
 * The parsed document; whatever the parser refuses (nesting deeper than `CAP_MAX_DEPTH`, say)
 * is the sender's mistake, so a 400 with the reason, not a 500.
 */
function readXml(xml: string): XmlNode {
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw /nested tags/i.test(reason)
      ? refused(ref('advisoryError.xmlTooDeep', { limit: CAP_MAX_DEPTH }), 'xml_too_deep')
      : refused(ref('advisoryError.xmlUnreadable', { reason }), 'xml_malformed');
  }
}

/** Drops a namespace prefix from every element name (`cap:alert` → `alert`); the namespace itself is checked on the root. */
function unprefixed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unprefixed);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k.startsWith('@_') ? k : k.replace(/^[^:]+:/, ''), unprefixed(v)]),
  );
}
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && value
      ? textOf((value as XmlNode)['#text'])
      : undefined;

function hazardOf(info: XmlNode): Hazard {
  const words = [textOf(info.event), ...((info.category as unknown[]) ?? []).map(textOf)].join(' ').toLowerCase();
  if (/heat|calor/.test(words)) return 'heat';
  if (/fire|incendio|red flag/.test(words)) return 'wildfire';
  if (/snow|winter|blizzard|nieve|nevada/.test(words)) return 'snow_storm';
  if (/flood|inundaci/.test(words)) return 'flood';
  if (/rain|storm|thunder|lluvia|tormenta/.test(words)) return 'rainstorm';
  return 'other';
}

function severityOf(value: string | undefined): AdvisorySeverity {
  const lower = value?.toLowerCase();
  return lower === 'minor' || lower === 'moderate' || lower === 'severe' || lower === 'extreme' ? lower : 'moderate';
}

function polygonOf(value: string): PolygonGeometry {
  const pairs = value
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number));
  if (pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n))))
    throw capField('polygon', ref('advisoryError.capPolygonPairs'));
  const polygon: PolygonGeometry = {
    type: 'Polygon',
    coordinates: [pairs.map(([lat, lon]) => [lon!, lat!] as [number, number])],
  };
  const problem = polygonProblem(polygon, { maxPositions: MAX_POLYGON_POSITIONS.advisory });
  if (problem) throw capField('polygon', problem.reason);
  return polygon;
}

function instantOf(field: string, value: string | undefined, sent?: number): string {
  if (!value) throw capField(field, ref('advisoryError.capMissing'));
  if (!capTimePattern.test(value) || Number.isNaN(Date.parse(value)))
    throw capField(field, ref('advisoryError.capTime'));
  const instant = Date.parse(value);
  if (instant < capTimeRange.from || instant >= capTimeRange.to)
    throw capField(field, ref('advisoryError.capTimeRange'));
  if (sent !== undefined && instant < sent) throw capField(field, ref('advisoryError.capBeforeSent'));
  return new Date(value).toISOString();
}

/**
 * Reads a foreign CAP 1.2 message. Refuses, with the reason: any DOCTYPE or entity
 * declaration (CAP never needs one, and they are how entity expansion attacks start),
 * XML that is not well-formed, a root that is not a CAP 1.2 `<alert>`, and what the schema
 * can't check: times (1970–2199), `effective`/`expires` not before `sent`, polygons closed,
 * ≥ 4 points, at most `MAX_POLYGON_POSITIONS.advisory`, not crossing themselves. Whatever the
 * XML parser refuses (elements nested deeper than `CAP_MAX_DEPTH`) is a 400 too.
 */
export function parseCapMessage(xml: string): CapImport {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refused(ref('advisoryError.xmlDoctype'), 'xml_doctype');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw refused(ref('advisoryError.xmlMalformed', { reason: valid.err.msg }), 'xml_malformed');
  const document = readXml(xml);
  const rootName = Object.keys(document).find((k) => k !== '?xml' && !k.startsWith('#'));
  const root = rootName ? (document[rootName] as XmlNode) : undefined;
  const namespace =
    root && typeof root === 'object'
      ? Object.entries(root).find(
          ([k]) => k === `@_xmlns${rootName!.includes(':') ? `:${rootName!.split(':')[0]}` : ''}`,
        )?.[1]
      : undefined;
  if (!rootName || rootName.replace(/^[^:]+:/, '') !== 'alert' || namespace !== CAP_NAMESPACE)
    throw refused(ref('advisoryError.notCap'), 'not_cap');
  const alert = unprefixed(root) as XmlNode;

  const sent = Date.parse(instantOf('sent', textOf(alert.sent)));
  const infos = ((alert.info as XmlNode[] | undefined) ?? []).filter((i) => typeof i === 'object');
  if (infos.length === 0) throw capField('info', ref('advisoryError.capMissing'));
  const languageOf = (info: XmlNode) => (textOf(info.language) ?? 'en-US').toLowerCase();
  const first = infos[0]!;
  const text: CapImport['text'] = {};
  for (const info of infos) {
    const language = languageOf(info).startsWith('es') ? 'es' : languageOf(info).startsWith('en') ? 'en' : null;
    if (!language || text[language]) continue;
    const body = [textOf(info.headline), textOf(info.description), textOf(info.instruction)]
      .filter(Boolean)
      .join('\n\n');
    if (body) text[language] = body.slice(0, 4000);
  }
  const polygons = infos.flatMap((info) =>
    ((info.area as XmlNode[] | undefined) ?? []).flatMap((area) =>
      ((area.polygon as unknown[]) ?? []).map((p) => polygonOf(textOf(p) ?? '')),
    ),
  );
  if (polygons.length === 0) throw refused(ref('advisoryError.capNoPolygon'));
  const [effective, onset] = [textOf(first.effective), textOf(first.onset)];
  // The draft starts at `effective`, else `onset`, else `sent`; an `onset` beside an `effective` is still checked.
  if (effective !== undefined && onset !== undefined) instantOf('onset', onset);
  const validFrom =
    effective !== undefined
      ? instantOf('effective', effective, sent)
      : onset !== undefined
        ? instantOf('onset', onset, sent)
        : new Date(sent).toISOString();
  const validTo = instantOf('expires', textOf(first.expires), sent);
  if (Date.parse(validTo) <= Date.parse(validFrom)) throw capField('expires', ref('advisoryError.validity'));
  return {
    hazard: hazardOf(first),
    severity: severityOf(textOf(first.severity)),
    polygons,
    validFrom,
    validTo,
    text,
    exercise: textOf(alert.status) === 'Exercise',
  };
}
