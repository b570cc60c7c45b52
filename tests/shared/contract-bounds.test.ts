import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as advisories from '@shared/advisories/contract.js';
import * as areas from '@shared/areas/contract.js';
import * as audit from '@shared/audit/contract.js';
import * as auth from '@shared/auth.js';
import * as checklists from '@shared/checklists/contract.js';
import { bilingual, languages, messages } from '@shared/i18n/index.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { textId, uuidId } from '@shared/ids.js';
import * as incidents from '@shared/incidents/contract.js';
import * as mapFilter from '@shared/incidents/map-filter.js';
import * as tiles from '@shared/incidents/tiles.js';
import * as liaison from '@shared/liaison/contract.js';
import * as reference from '@shared/reference/contract.js';
import * as repatriation from '@shared/repatriation/contract.js';
import * as sar from '@shared/sar/contract.js';
import { calendarDate, instant, isBoundedTime, localDateTime } from '@shared/time-bounds.js';

/*
 * Issue 22: what a client sends can't reach the database unbounded. Every request schema of
 * every contract (body, query string, path) is walked: each string it accepts has a maximum
 * length (free text through safeText, ids through shared/ids) or a fixed format (a UUID), and
 * each date or instant comes from shared/time-bounds, never a raw `z.iso.datetime()`.
 */

type Schema = z.ZodType;
type Module = Record<string, unknown>;

/** Exports named like a request schema that describe answers instead. */
const responses: Record<string, string[]> = { repatriation: ['notAllowedBody'] };

/**
 * The request schemas of each contract. An export named `…Body`, `…Query`, `…Params` or
 * `…Search` must be listed here (or under `responses`), so a new one is walked too.
 */
const contracts: Record<string, { module: Module; requests: string[]; extra?: Record<string, Schema> }> = {
  auth: { module: auth, requests: ['loginBody'] },
  incidents: {
    module: incidents,
    requests: [
      'createIncidentBody',
      'updateIncidentBody',
      'investigationBody',
      'incidentQuery',
      'incidentIdParams',
      'timelineQuery',
    ],
  },
  mapFilter: {
    module: mapFilter,
    requests: ['mapFilterQuery', 'mapFilterSearch', 'areaStatsQuery', 'tileFilterQuery'],
  },
  tiles: { module: tiles, requests: ['tileParams'] },
  advisories: {
    module: advisories,
    requests: ['advisoryBody', 'cancelAdvisoryBody', 'advisoryQuery', 'advisoryIdParams'],
  },
  areas: { module: areas, requests: ['areaBody', 'areaImportQuery', 'areaIdParams'] },
  audit: { module: audit, requests: ['auditQuery'] },
  checklists: { module: checklists, requests: ['startChecklistBody', 'tickStepBody', 'stepParams'] },
  liaison: {
    module: liaison,
    requests: [
      'contactBody',
      'memberBody',
      'memberUpdateBody',
      'shiftBody',
      'rotationBody',
      'overrideBody',
      'intendedGapBody',
      'meetingBody',
      'commitmentBody',
      'areaBody',
      'onDutyQuery',
      'placeQuery',
      'exportQuery',
      'calendarQuery',
      'mechanismParams',
      'memberParams',
      'contactParams',
      'overrideParams',
      'gapParams',
      'meetingParams',
      'commitmentParams',
    ],
    extra: { 'contactBodyFor(MX)': liaison.contactBodyFor('MX') },
  },
  reference: { module: reference, requests: ['portStatusBody', 'portIdParams'] },
  repatriation: {
    module: repatriation,
    requests: [
      'arrangementBody',
      'updateArrangementBody',
      'arrangementIdParams',
      'windowsQuery',
      'scheduleQuery',
      'checkBody',
      'movementBody',
      'movementsQuery',
      'movementIdParams',
      'noticeBody',
      'confirmReceptionBody',
      'rescheduleBody',
      'cancelBody',
    ],
  },
  sar: {
    module: sar,
    requests: [
      'openSarBody',
      'teamBody',
      'assetBody',
      'sectorBody',
      'sectorUpdateBody',
      'progressBody',
      'closeSarBody',
      'sectorParams',
      'sarSummaryQuery',
    ],
  },
};

interface Def {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
  [key: string]: unknown;
}
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const RAW_TIME_FORMATS = ['datetime', 'date', 'time', 'duration'];
/** Formats whose values have a fixed, short length. */
const FIXED_FORMATS = ['uuid', 'guid'];

/** Every problem of one schema: `path: why`. */
function problemsOf(schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (isBoundedTime(schema)) return [];
  const def = defOf(schema);
  const walk = (child: unknown, at: string) => problemsOf(child as Schema, at, seen);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      const formats = new Set(
        [def.format, ...checks.map((c) => (c.check === 'string_format' ? c.format : undefined))].filter(
          (f): f is string => f !== undefined,
        ),
      );
      const rawTime = RAW_TIME_FORMATS.filter((f) => formats.has(f));
      if (rawTime.length > 0) return [`${path}: a raw ISO ${rawTime.join()} outside shared/time-bounds`];
      const bounded =
        checks.some((c) => c.check === 'max_length' || c.check === 'length_equals') ||
        FIXED_FORMATS.some((f) => formats.has(f));
      return bounded ? [] : [`${path}: a string without a maximum length`];
    }
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, Schema>).flatMap(([key, child]) => walk(child, `${path}.${key}`)),
        ...(def.catchall ? walk(def.catchall, `${path}.*`) : []),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType, path);
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'tuple':
      return [
        ...(def.items as Schema[]).flatMap((item, index) => walk(item, `${path}[${index}]`)),
        ...(def.rest ? walk(def.rest, `${path}[…]`) : []),
      ];
    case 'union':
      return (def.options as Schema[]).flatMap((option) => walk(option, path));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'record':
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case 'lazy':
      return walk((def.getter as () => Schema)(), path);
    case 'enum':
    case 'literal':
    case 'number':
    case 'int':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'transform':
      return [];
    default:
      return [`${path}: a ${def.type} the walk does not know; teach it, or bound it another way`];
  }
}

const requestSchemas = Object.entries(contracts).flatMap(([name, { module, requests, extra }]) => [
  ...requests.map((key) => [`${name}.${key}`, module[key] as Schema] as const),
  ...Object.entries(extra ?? {}).map(([key, schema]) => [`${name}.${key}`, schema] as const),
]);

describe('request schemas of every contract', () => {
  it('list every export named like a request schema', () => {
    const unlisted = Object.entries(contracts).flatMap(([name, { module, requests }]) =>
      Object.keys(module)
        .filter((key) => /(Body|Query|Params|Search)$/.test(key))
        .filter((key) => !requests.includes(key) && !(responses[name] ?? []).includes(key))
        .map((key) => `${name}.${key}`),
    );
    expect(unlisted).toEqual([]);
    const missing = requestSchemas.filter(([, schema]) => !schema || !('_zod' in schema)).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('bound every string and take every date and instant from shared/time-bounds', () => {
    const problems = requestSchemas.flatMap(([path, schema]) => problemsOf(schema, path));
    expect(problems).toEqual([]);
  });

  it('the walk catches what it is there to catch', async () => {
    const { z } = await import('zod');
    expect(problemsOf(z.object({ a: z.string(), b: z.iso.datetime({ offset: true }), c: z.iso.date() }), 'x')).toEqual([
      'x.a: a string without a maximum length',
      'x.b: a raw ISO datetime outside shared/time-bounds',
      'x.c: a raw ISO date outside shared/time-bounds',
    ]);
    expect(problemsOf(z.object({ a: instant().optional(), b: z.array(calendarDate()), c: uuidId() }), 'x')).toEqual([]);
  });
});

/** The bilingual reason of each refusal, as the API and the forms word it. */
function reasons(schema: Schema, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => describeIssue(issue).message);
}

const instantRange = bilingual('time.instantRange', {
  earliest: '1970-01-01T00:00:00Z',
  latest: '2199-12-31T23:59:59Z',
});
const dateRange = bilingual('time.dateRange', { earliest: '1970-01-01', latest: '2199-12-31' });

describe('instant()', () => {
  it.each([
    '1970-01-01T00:00:00Z',
    '1970-01-01T00:00:00+00:00',
    // 1970-01-01T00:00Z once the offset is applied.
    '1969-12-31T23:00:00-01:00',
    '2026-07-04T14:30:00-07:00',
    '2026-06-09T10:00:00.123456789+14:00',
    '2199-12-31T23:59:59Z',
    '2199-12-31T23:59:59.999Z',
    // 2199-12-31T23:30Z.
    '2200-01-01T00:30:00+01:00',
  ])('takes %s, as it was written', (value) => {
    expect(instant().parse(value)).toBe(value);
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '0020-02-29T00:00:00Z',
    '0099-06-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '1969-12-31T23:59:59.999Z',
    // 1969-12-31T23:59Z in UTC.
    '1970-01-01T00:00:00+00:01',
    '2200-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    // Both are in 2200 once the offset is applied.
    '9999-12-31T23:59:59-23:59',
    '2199-12-31T23:59:59-23:59',
    '2199-12-31T23:00:00-01:00',
  ])('refuses %s: outside 1970–2199 in UTC', (value) => {
    expect(reasons(instant(), value)).toEqual([instantRange]);
  });

  it.each([
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-07-04T14:30:00',
    '2026-07-04T24:00:00Z',
    '2026-07-04T14:30:00+24:00',
    '2026-07-04',
    'yesterday',
    '',
  ])('refuses %s: not an ISO 8601 instant with an offset', (value) => {
    expect(reasons(instant(), value)).toEqual([bilingual('validation.datetime')]);
  });

  it('gives a field its own floor and its own reason past 2199 (an incident report)', () => {
    const occurredAt = incidents.createIncidentBody.shape.occurredAt;
    expect(reasons(occurredAt, '1999-12-31T23:59:59Z')).toEqual([bilingual('incidentError.occurredAtBeforeFloor')]);
    expect(reasons(occurredAt, '0020-02-29T00:00:00Z')).toEqual([bilingual('incidentError.occurredAtBeforeFloor')]);
    expect(reasons(occurredAt, '9999-12-31T23:59:59-23:59')).toEqual([
      bilingual('incidentError.occurredAtFuture', { minutes: incidents.OCCURRED_AT_MAX_FUTURE_MINUTES }),
    ]);
    expect(reasons(occurredAt, '2000-01-01T00:00:00Z')).toEqual([]);
  });
});

describe('calendarDate()', () => {
  it.each(['1970-01-01', '2024-02-29', '2000-02-29', '2026-07-09', '2199-12-31'])('takes %s', (value) => {
    expect(calendarDate().parse(value)).toBe(value);
  });

  it.each(['0000-01-01', '0001-01-01', '0020-02-29', '0099-06-01', '1969-12-31', '2200-01-01', '9999-12-31'])(
    'refuses %s: outside 1970–2199',
    (value) => {
      expect(reasons(calendarDate(), value)).toEqual([dateRange]);
    },
  );

  it.each(['2026-02-30', '2100-02-29', '2026-13-01', '2026-04-31', '2026-7-9', '2026-07-09T00:00', '', 'tomorrow'])(
    'refuses %s: not a date that exists, written YYYY-MM-DD',
    (value) => {
      expect(reasons(calendarDate(), value)).toEqual([bilingual('time.date')]);
    },
  );

  it('refuses a long string on its length alone', () => {
    expect(reasons(calendarDate(), '2026-07-09'.repeat(1000))).toEqual([
      bilingual('validation.tooLong', { maximum: '32' }),
    ]);
  });
});

describe('localDateTime()', () => {
  it.each(['1970-01-01T00:00', '2026-07-09T10:00', '2199-12-31T23:59'])('takes %s', (value) => {
    expect(localDateTime().parse(value)).toBe(value);
  });

  it.each(['0000-01-01T10:00', '1969-12-31T23:59', '2200-01-01T00:00'])('refuses %s: outside 1970–2199', (value) => {
    expect(reasons(localDateTime(), value)).toEqual([dateRange]);
  });

  it.each(['2026-02-30T10:00', '2026-07-09T24:00', '2026-07-09T10:00Z', '2026-07-09 10:00', '2026-07-09'])(
    'refuses %s: not a wall-clock date and time',
    (value) => {
      expect(reasons(localDateTime(), value)).toEqual([bilingual('time.localDateTime')]);
    },
  );
});

describe('the contracts use the bounds', () => {
  it.each([
    ['liaison member verifiedAt', liaison.memberBody, { verifiedAt: '0020-02-29T00:00:00Z' }],
    ['liaison member verifiedAt (read as 1999 before)', liaison.memberBody, { verifiedAt: '0099-06-01T00:00:00Z' }],
    ['liaison intended gap start', liaison.intendedGapBody, { start: '0020-02-29T00:00:00Z' }],
    ['liaison meeting startsAt', liaison.meetingBody, { startsAt: '0000-01-01T10:00' }],
    ['liaison commitment dueDate', liaison.commitmentBody, { dueDate: '0001-01-01' }],
    ['on-duty at', liaison.onDutyQuery, { at: '10000-01-01T00:00:00Z' }],
    ['on-duty at (place)', liaison.placeQuery, { at: '9999-12-31T23:59:59-23:59' }],
    ['advisory validFrom', advisories.advisoryFields, { validFrom: '0000-01-01T00:00:00Z' }],
    ['advisory validTo', advisories.advisoryFields, { validTo: '9999-12-31T23:59:59-23:59' }],
    ['incident feed from', incidents.incidentQuery, { from: '0000-01-01T00:00:00Z' }],
    ['incident feed to', incidents.incidentQuery, { to: '9999-12-31T23:59:59-23:59' }],
    ['map from', mapFilter.mapFilterQuery, { from: '0000-01-01T00:00:00Z' }],
    ['area statistics to', mapFilter.areaStatsQuery, { to: '9999-12-31T23:59:59-23:59' }],
    ['search-and-rescue summary from', sar.sarSummaryQuery, { from: '0000-01-01T00:00:00Z' }],
    ['repatriation check at', repatriation.checkBody, { at: '2199-12-31T23:59:59-23:59' }],
  ] as const)('%s', (_, schema, value) => {
    const [field] = Object.keys(value);
    const result = (schema as Schema).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('refuses a feed cursor whose instant is out of range, and takes the one the feed gives', () => {
    const id = '3f2b8c1a-1234-4abc-8def-0123456789ab';
    const cursor = (at: string) => Buffer.from(`${at}|${id}`).toString('base64url');
    expect(incidents.feedCursor.safeParse(cursor('2026-07-04T21:40:00.000Z')).success).toBe(true);
    for (const at of ['+010000-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.000Z'])
      expect(reasons(incidents.feedCursor, cursor(at))).toEqual([bilingual('validation.invalid')]);
    expect(incidents.feedCursor.safeParse('not a cursor!').success).toBe(false);
    expect(incidents.feedCursor.safeParse(Buffer.from(`2026-07-04T21:40:00Z|x`).toString('base64url')).success).toBe(
      false,
    );
  });
});

describe('ids', () => {
  const upper = '3F2B8C1A-1234-4ABC-8DEF-0123456789AB';
  const lower = upper.toLowerCase();

  it('lower-cases a UUID on every route that takes one', () => {
    for (const params of [
      incidents.incidentIdParams,
      advisories.advisoryIdParams,
      repatriation.movementIdParams,
      checklists.stepParams.pick({ id: true }),
    ])
      expect(params.parse({ id: upper })).toEqual({ id: lower });
    expect(sar.sectorParams.parse({ id: upper, sectorId: upper })).toEqual({ id: lower, sectorId: lower });
    expect(sar.assetBody.parse({ kind: 'dog', description: 'K-9', teamId: upper }).teamId).toBe(lower);
    expect(repatriation.checkBody.shape.movementId.parse(upper)).toBe(lower);
  });

  it('lower-cases a text id on every route that takes one', () => {
    for (const params of [liaison.mechanismParams, reference.portIdParams, areas.areaIdParams])
      expect(params.parse({ id: 'San-Diego-Tijuana' })).toEqual({ id: 'san-diego-tijuana' });
    expect(liaison.commitmentBody.shape.meetingId.parse('SAN-DIEGO-TIJUANA.MEETING-1')).toBe(
      'san-diego-tijuana.meeting-1',
    );
    expect(incidents.incidentQuery.parse({ mechanismId: 'Nogales-Nogales' }).mechanismId).toBe('nogales-nogales');
    expect(mapFilter.mapFilterQuery.parse({ mechanism: 'NOGALES-NOGALES' }).mechanism).toBe('nogales-nogales');
    expect(repatriation.windowsQuery.parse({ port: 'San-Ysidro' }).port).toBe('san-ysidro');
    expect(checklists.stepParams.parse({ id: lower, kind: 'flood', stepId: 'Alert_Other_Side' }).stepId).toBe(
      'alert_other_side',
    );
    expect(textId().parse(lower)).toBe(lower);
  });

  it.each(['', 'san ysidro', 'san\u0000diego', '-san-ysidro', 'san--ysidro', 'puerto-ñ', 'x'.repeat(101)])(
    'refuses %j as a text id',
    (value) => {
      expect(textId().safeParse(value).success).toBe(false);
    },
  );

  it.each(['', 'nope', `${lower}0`, lower.replace(/-/g, '')])('refuses %j as a UUID', (value) => {
    expect(uuidId().safeParse(value).success).toBe(false);
  });

  it('refuses a NUL in a commitment meetingId with a 400 reason, not a database error', () => {
    expect(
      reasons(liaison.commitmentBody, { meetingId: 'a\u0000b', text: 'x', owner: 'y', dueDate: '2026-07-09' }),
    ).toEqual([bilingual('validation.pattern')]);
  });
});

describe('the reasons', () => {
  it('exist in English and in Spanish', () => {
    for (const key of ['time.instantRange', 'time.dateRange', 'time.date', 'time.localDateTime'] as const)
      for (const language of languages) expect(messages[key][language], `${language}:${key}`).toBeTruthy();
    for (const reason of [instantRange, dateRange, bilingual('time.date'), bilingual('time.localDateTime')]) {
      expect(reason.en).not.toBe(reason.es);
      expect(reason.en).not.toMatch(/\{\w+\}/);
      expect(reason.es).not.toMatch(/\{\w+\}/);
    }
    expect(instantRange.en).toContain('2199-12-31T23:59:59Z');
    expect(dateRange.es).toContain('1970-01-01');
  });
});
