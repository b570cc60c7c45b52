import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { contractChecker, watchedTables, type JsonSchema } from '../helpers/openapi.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, signIn, startApp } from '../helpers/app.js';
import { places, reportIncident } from '../helpers/factories.js';

/*
 * Security issue #22: every operation of the OpenAPI document, fuzzed. Requests are generated
 * from what the document says each route takes (path parameters, query parameters, JSON body)
 * and then bent: unicode edge cases, extreme dates and numbers, missing fields, wrong types,
 * junk nesting, wrong content types. Whatever arrives, the answer is never a 5xx, and a refused
 * request (4xx) writes nothing: the row counts of every table stay as they were. And every answer
 * is one the document promises: a documented status, its content type, a body its schema takes.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> changes the number of requests per operation;
 * FUZZ_STATS=1 prints what each operation answered (2: and every 400), to see the fuzz gets past the schemas.
 */

/** Monday 8 June 2026, 08:00 at Tijuana: the clock the app runs on, so the fixtures below are in the future. */
const NOW = new Date('2026-06-08T15:00:00Z');
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** After this long, a few requests per remaining operation: the file stays within a few minutes on a slow machine. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 120_000);
/** Not the API's own: the live connection and the swagger UI's files. */
const SKIPPED = (method: string, path: string) => path === '/ws' || (path.startsWith('/api/docs') && method === 'get');

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as far as the generator reads it.

type Schema = JsonSchema;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
}
interface Operation {
  method: string;
  /** OpenAPI form: `/api/incidents/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | null;
}

function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => !SKIPPED(method, path))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
}

// ---------------------------------------------------------------------------------------------
// Values: plausible ones from a schema, and the ones that try their luck.

const UNICODE_EDGES = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDBFF',
  '\uDC00y',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום\u200F',
  '👩‍👩‍👧‍👦🇲🇽🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̸̧̛͓̈́a̷l̵g̶o̴',
  '\u200B\u200D\uFEFF',
  '\uFFFE\uFFFF',
  '\r\n\t\v\f',
  '   ',
  '',
  '<script>alert(1)</script>',
  "'; drop table incidents; --",
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '\\',
  '%00',
  'İstanbul ǅ ß ﬁ',
];
const unicodeEdge = fc.constantFrom(...UNICODE_EDGES);
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 24,
});
const longString = fc
  .tuple(fc.constantFrom(101, 257, 4_001, 70_000, 300_000), fc.constantFrom('a', 'é', '😀', '\u0301', '\u0000'))
  .map(([n, c]) => c.repeat(n));
const junkString = fc.oneof(unicodeEdge, codeUnits, longString, fc.string({ unit: 'grapheme', maxLength: 12 }));

const EXTREME_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '9999-12-31T23:59:59+23:59',
  '9999-12-31T23:59:59.999999999Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1900-01-01T00:00:00-00:00',
  '2038-01-19T03:14:08Z',
  '2024-02-29T12:00:00Z',
  '2026-02-29T12:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-07-04T24:00:00Z',
  '2026-07-04T14:30:00',
  '2026-07-04',
  '2026-07-04T14:30:00.1234567890123456789Z',
  '2026-03-08T02:30:00-08:00',
  'now',
  '',
];
const EXTREME_DAYS = [
  '0000-01-01',
  '9999-12-31',
  '10000-01-01',
  '2026-02-29',
  '2024-02-29',
  '2026-00-10',
  '-2026-01-01',
];
const EXTREME_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  1e-320,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  1e308,
  -1e308,
  180.0000001,
  -90.0000001,
];
const EXTREME_QUERY = [
  ...EXTREME_INSTANTS,
  ...EXTREME_DAYS,
  '0000',
  '9999',
  '10000',
  '-1',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999999',
  '-99999999999999999999999999',
  '0x10',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '1,2,3,4',
  '-180,-90,180,90',
  '1e308,1e308,-1e308,-1e308',
];
/** Percent-encodings no decoder takes (or takes as something surprising), sent as they are. */
const RAW_ESCAPES = [
  '%',
  '%zz',
  '%ED%A0%80',
  '%00',
  '%C0%AF',
  '%FF%FE',
  '%E2%80%AE',
  '%2F',
  '%2e%2e',
  '%252F',
  '+',
  '%0D%0A',
];

/** Percent-encodes a string as a naive client would: a lone surrogate as its CESU-8 bytes. */
function enc(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** An instant the contract's pattern takes, in UTC or with an offset (and sometimes at the edges of time). */
const instant = fc.oneof(
  // Mostly near the app's clock, so two of them make a plausible range (in order, weeks apart) half the time.
  {
    weight: 6,
    arbitrary: fc
      .date({ min: new Date('2026-05-01'), max: new Date('2026-08-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('1970-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.date({ min: new Date('2026-05-01'), max: new Date('2026-08-31'), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
      )
      .map(([d, offset]) => {
        const local = new Date(d.getTime() + offset * 60_000);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59-23:59',
      '9999-12-31T23:59:59+23:59',
      '1970-01-01T00:00:00Z',
      '1969-12-31T23:59:59-00:01',
      '2199-12-31T23:59:59Z',
      '2199-12-31T23:59:59-23:59',
    ),
  },
);
const day = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '9999-12-31') },
);
const uuid = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
);

const SLUG = '^[a-z0-9]+(?:[._-][a-z0-9]+)*$';
const BBOX = '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$';

interface Pools {
  /** Ids from the database, by table. */
  byTable: Map<string, string[]>;
  /** Every id above: "a real id of something else". */
  all: string[];
  /** Text ids (slugs) of the seeds. */
  slugs: string[];
}

function stringValue(schema: Schema, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return instant;
  if (schema.format === 'date') return day;
  if (schema.format === 'uuid') return uuid;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern === BBOX)
    return fc
      .tuple(
        fc.double({ min: -125, max: -90, noNaN: true }),
        fc.double({ min: 20, max: 36, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
      )
      .map(([lon, lat, size]) => [lon, lat, lon + size, lat + size].map((n) => n.toFixed(4)).join(','));
  if (schema.pattern === SLUG)
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...pools.slugs) },
      { weight: 1, arbitrary: fc.stringMatching(new RegExp(SLUG)).filter(fits) },
    );
  if (schema.pattern) {
    let matching: fc.Arbitrary<string>;
    try {
      matching = fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      matching = fc.string({ minLength: min, maxLength: Math.min(max, 40) });
    }
    return matching;
  }
  // Edge cases that fit the length bounds, so they reach what lies behind the schema.
  const edges = [
    ...UNICODE_EDGES,
    'x'.repeat(max),
    '😀'.repeat(Math.floor(max / 2)),
    `${'x'.repeat(Math.max(min - 1, 0))}\u0000`,
  ].filter(fits);
  const text = fc.string({ minLength: min, maxLength: Math.max(Math.min(max, 40), min) });
  return edges.length
    ? fc.oneof(
        { weight: 4, arbitrary: text },
        { weight: 3, arbitrary: fc.constantFrom(...edges) },
        { weight: 1, arbitrary: text.map((s) => `${s}\uD800`.slice(-max)).filter(fits) },
      )
    : text;
}

function numberValue(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : undefined);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : undefined);
  const bounds = [low, high].filter((b): b is number => b !== undefined);
  const inside = integer
    ? fc.integer({ min: Math.max(low ?? -1_000_000, -(2 ** 31)), max: Math.min(high ?? 1_000_000, 2 ** 31) })
    : fc.double({ min: low ?? -1e6, max: high ?? 1e6, noNaN: true, noDefaultInfinity: true });
  return bounds.length
    ? fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(...bounds) })
    : inside;
}

/** A value the schema describes (as far as JSON Schema can say; rules across fields are the mutations' luck). */
function valid(schema: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const plain = validIgnoringNull(schema, pools, depth);
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: fc.constant(null) })
    : plain;
}
function validIgnoringNull(schema: Schema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  // JSON Schema 2020-12 (OpenAPI 3.1) has boolean schemas: `items: false` after a tuple's `prefixItems`.
  if (typeof schema === 'boolean') return junk;
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => valid(s, pools, depth + 1)));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valid(s, pools, depth)));
  if (schema.allOf?.length) return valid(Object.assign({}, ...schema.allOf) as Schema, pools, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringValue(schema, pools);
        case 'integer':
          return numberValue(schema, true);
        case 'number':
          return numberValue(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const minLength = schema.minItems ?? 0;
          const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, minLength + 3));
          return depth > 6
            ? fc.constant([])
            : fc.array(valid(schema.items ?? {}, pools, depth + 1), { minLength, maxLength });
        }
        case 'object': {
          const props = Object.entries(schema.properties ?? {});
          if (!props.length)
            return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 });
          return fc.record(Object.fromEntries(props.map(([key, s]) => [key, valid(s, pools, depth + 1)])), {
            requiredKeys: (schema.required ?? []).filter((k) => schema.properties?.[k]),
          });
        }
        default:
          return junk;
      }
    }),
  );
}

const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: [nested(depth - 1)] });
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: junkString },
  { weight: 2, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...EXTREME_INSTANTS, ...EXTREME_DAYS) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { '': '' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(nested(60), [[[[[[[[[[[]]]]]]]]]]], { constructor: { prototype: { polluted: 1 } } }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Path = Array<string | number>;
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}
type Mutation = 'delete' | 'replace' | 'extra' | 'wrap';
function mutated(value: unknown, path: Path, mutation: Mutation, replacement: unknown): unknown {
  if (path.length === 0)
    return mutation === 'wrap'
      ? [value]
      : mutation === 'extra' && value && typeof value === 'object'
        ? { ...value, zz: replacement }
        : replacement;
  const copy: unknown = Array.isArray(value) ? [...value] : { ...(value as object) };
  const container = copy as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length > 0) container[head!] = mutated(container[head!], rest, mutation, replacement);
  else if (mutation === 'delete') {
    if (Array.isArray(container)) container.splice(head as number, 1);
    else delete container[head!];
  } else if (mutation === 'wrap') container[head!] = [container[head!]];
  else if (mutation === 'extra') container[`${String(head)}_extra`] = replacement;
  else container[head!] = replacement;
  return copy;
}

/** A body: valid, valid but bent at one spot (or two), or junk altogether. `bent` says it was meant to be refused. */
function bodyValue(schema: Schema, pools: Pools): fc.Arbitrary<{ value: unknown; bent: boolean }> {
  const base = valid(schema, pools);
  const bend = (value: unknown) =>
    fc
      .tuple(
        fc.constantFrom(...pathsOf(value)),
        fc.constantFrom<Mutation>('delete', 'replace', 'replace', 'extra', 'wrap'),
        junk,
      )
      .map(([path, mutation, replacement]) => mutated(value, path, mutation, replacement));
  return fc.oneof(
    { weight: 3, arbitrary: base.map((value) => ({ value, bent: false })) },
    { weight: 5, arbitrary: base.chain(bend).map((value) => ({ value, bent: true })) },
    {
      weight: 1,
      arbitrary: base
        .chain(bend)
        .chain(bend)
        .map((value) => ({ value, bent: true })),
    },
    { weight: 1, arbitrary: junk.map((value) => ({ value, bent: true })) },
  );
}

const JSON_TYPE = 'application/json';
const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>(JSON_TYPE) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'text/plain',
      'application/xml',
      'text/xml',
      'application/json; charset=utf-16',
      'APPLICATION/JSON',
      'application/json;;;',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=zz',
      'application/vnd.google-earth.kml+xml',
      'text/csv',
      '',
    ),
  },
);
/** Bodies no JSON parser should take kindly. */
const RAW_BODIES = [
  '{',
  '{"a":1,}',
  '[]',
  'null',
  '""',
  '0',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '\uFEFF{}',
  '<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"></alert>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  'name,geometry\n"a","POLYGON((0 0,1 1,1 0,0 0))"',
];

interface FuzzRequest {
  method: string;
  url: string;
  contentType: string | undefined;
  payload: string | undefined;
  who: 'admin' | 'liaison' | 'nobody';
  /** Built to be refused (a bent body, a wrong content type): a success would surprise. */
  bent: boolean;
}

function requestOf(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParam = (param: Parameter): fc.Arbitrary<string> => {
    const segment = op.path.split('/').at(op.path.split('/').indexOf(`{${param.name}}`) - 1) ?? '';
    const real = pools.byTable.get(tableFor(segment, [...pools.byTable.keys()]) ?? '') ?? [];
    return fc.oneof(
      { weight: real.length ? 6 : 0, arbitrary: real.length ? fc.constantFrom(...real).map(enc) : fc.constant('x') },
      { weight: 3, arbitrary: valid(param.schema, pools).map((v) => enc(String(v))) },
      { weight: 1, arbitrary: fc.constantFrom(...pools.all).map(enc) },
      { weight: 1, arbitrary: uuid },
      { weight: 2, arbitrary: junkString.map((s) => enc(s.slice(0, 400))) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...RAW_ESCAPES,
          '-1',
          '0',
          '99999999999999999999',
          'null',
          '..',
          '.',
          'a'.repeat(201),
        ),
      },
    );
  };
  // Query parameters: each absent or plausible, then (usually) one or two of them bent.
  const plainValue = (param: Parameter) =>
    valid(param.schema, pools).map((v) => enc(typeof v === 'string' ? v : JSON.stringify(v)));
  const bentValue = (param: Parameter): fc.Arbitrary<string[]> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...EXTREME_QUERY).map((v) => [enc(v)]) },
      { weight: 2, arbitrary: junkString.map((v) => [enc(v.slice(0, 2000))]) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_ESCAPES).map((v) => [v]) },
      { weight: 2, arbitrary: fc.array(plainValue(param), { minLength: 2, maxLength: 3 }) },
    );
  const params = op.queryParams;
  const bends = params.length
    ? fc.array(
        fc.nat({ max: params.length - 1 }).chain((i) => bentValue(params[i]!).map((values) => [i, values] as const)),
        { maxLength: 2 },
      )
    : fc.constant([]);
  const query = fc
    .tuple(
      fc.tuple(...params.map((param) => fc.option(plainValue(param), { freq: 3 }))),
      bends,
      fc.oneof(
        { weight: 8, arbitrary: fc.constant<string[]>([]) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            ['__proto__[x]=1'],
            ['constructor[prototype][x]=1'],
            ['a[]=1&a[]=2'],
            ['=', '&', '&&'],
            [`q=${'x'.repeat(9000)}`],
          ),
        },
      ),
    )
    .map(([plain, bent, extra]) => {
      const values: Array<string[] | null> = plain.map((v) => (v === null ? null : [v]));
      for (const [i, vs] of bent) values[i] = vs;
      return [...values.flatMap((vs, i) => (vs ?? []).map((v) => `${params[i]!.name}=${v}`)), ...extra].join('&');
    });
  const takesBody = op.body !== null;
  const body = takesBody
    ? fc.oneof(
        {
          weight: 10,
          arbitrary: bodyValue(op.body!, pools).map(({ value, bent }) => ({ payload: JSON.stringify(value), bent })),
        },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((payload) => ({ payload, bent: true })) },
        { weight: 1, arbitrary: fc.constant({ payload: undefined as string | undefined, bent: true }) },
      )
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant({ payload: undefined as string | undefined, bent: false }) },
        {
          weight: op.method === 'GET' ? 0 : 1,
          arbitrary: junk.map((v) => ({ payload: JSON.stringify(v) as string | undefined, bent: true })),
        },
      );
  return fc
    .record({
      params: fc.tuple(...op.pathParams.map(pathParam)),
      query,
      body,
      type: contentType,
      who: fc.constantFrom<FuzzRequest['who']>('admin', 'admin', 'admin', 'liaison', 'liaison', 'nobody'),
    })
    .map(({ params, query: q, body: b, type, who }) => {
      let path = op.path;
      op.pathParams.forEach((param, i) => (path = path.replace(`{${param.name}}`, params[i]!)));
      const hasPayload = b.payload !== undefined;
      return {
        method: op.method,
        url: q ? `${path}?${q}` : path,
        contentType: hasPayload ? type : undefined,
        payload: b.payload,
        who,
        bent: b.bent || (hasPayload && type !== JSON_TYPE),
      };
    });
}

/** The table a path segment names: `members` → `mechanism_members`, `intended-gaps` → `intended_gaps`. */
function tableFor(segment: string, tables: string[]): string | undefined {
  const name = segment.replaceAll('-', '_');
  return tables.find((t) => t === name) ?? tables.find((t) => t.endsWith(`_${name}`));
}

// ---------------------------------------------------------------------------------------------

type Counts = Record<string, number>;

describe(`fuzzing every route of the OpenAPI document (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let cookies: Record<FuzzRequest['who'], string | undefined>;
  let operations: Operation[];
  let checkAnswer: ReturnType<typeof contractChecker>;
  let pools: Pools;
  let tables: string[];

  const rows = async <T>(query: string): Promise<T[]> =>
    ((await app.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  const counts = async (): Promise<Counts> => {
    const found = await rows<{ t: string; n: number }>(
      tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL '),
    );
    return Object.fromEntries(found.map((r) => [r.t, Number(r.n)]));
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    const admin = await signIn(app, 'admin');
    cookies = { admin, liaison: await signIn(app, 'liaison.sandiego'), nobody: undefined };

    // Something behind every kind of id, on both sides of a mechanism's scope.
    const asAdmin = async (method: 'POST', url: string, payload: object) => {
      const res = await app.inject({ method, url, headers: { cookie: admin }, payload });
      if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string };
    };
    for (const location of [places.tijuana, places.laredo]) {
      const incident = await reportIncident(
        app,
        { cookie: admin },
        { location, occurredAt: '2026-06-08T07:30:00-07:00' },
      );
      await asAdmin('POST', `/api/incidents/${incident.id}/sar`, {});
      const polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [location.lon, location.lat],
            [location.lon + 0.02, location.lat],
            [location.lon + 0.02, location.lat + 0.02],
            [location.lon, location.lat],
          ],
        ],
      };
      await asAdmin('POST', `/api/incidents/${incident.id}/sar/sectors`, { name: 'A1', polygon });
      await asAdmin('POST', `/api/incidents/${incident.id}/checklists`, { kind: 'heat_wave' });
    }
    for (const portId of ['san-ysidro', 'calexico-west'])
      await asAdmin('POST', '/api/repatriation/movements', {
        portId,
        at: '2026-06-09T10:00:00-07:00',
        fromFacility: 'Otay Mesa Detention Center',
        persons: [{ nationality: 'MX', category: 'adult_male' }],
      });
    await asAdmin('POST', '/api/advisories', {
      hazard: 'heat',
      severity: 'extreme',
      areaIds: ['az-west-desert-high-risk-zone'],
      validFrom: '2026-06-08T15:00:00Z',
      validTo: '2026-06-10T15:00:00Z',
      text: { en: 'Extreme heat: carry water.', es: 'Calor extremo: lleve agua.' },
    });

    const docRes = await app.inject({ url: '/api/docs/json', headers: { cookie: admin } });
    operations = operationsOf(docRes.json());
    checkAnswer = contractChecker(docRes.json());

    tables = await watchedTables(app);
    const withId = await rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' ORDER BY 1`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table_name: t } of withId)
      byTable.set(
        t,
        (await rows<{ id: unknown }>(`SELECT id FROM "${t}" ORDER BY random() LIMIT 8`)).map((r) => String(r.id)),
      );
    const all = [...byTable.values()].flat();
    pools = { byTable, all, slugs: all.filter((id) => new RegExp(SLUG).test(id)) };
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it(
    'never answers 5xx, a refused request writes nothing, every answer is documented',
    { timeout: 240_000 },
    async () => {
      expect(operations.length).toBeGreaterThan(80);
      const started = Date.now();
      const failures: string[] = [];
      /** Answers the document does not promise, once per operation and kind of disagreement. */
      const undocumented = new Map<string, string>();
      const describeRequest = (r: FuzzRequest, status: number, response: string) =>
        [
          `${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…(${r.url.length})` : r.url} as ${r.who}`,
          `  content-type: ${r.contentType ?? '(none)'}`,
          `  body: ${r.payload === undefined ? '(none)' : r.payload.length > 400 ? `${r.payload.slice(0, 400)}…(${r.payload.length})` : r.payload}`,
          `  → ${status} ${response.slice(0, 600)}`,
        ].join('\n');

      // Refused requests since `baseline` was counted; checked in batches, and before any request that may write.
      let baseline = await counts();
      let refused: string[] = [];
      let unchecked = 0;
      let sent = 0;
      const stats = new Map<string, Record<number, number>>();
      const checkRefusals = async () => {
        if (!refused.length) return;
        const now = await counts();
        const changed = tables.filter((t) => now[t] !== baseline[t]).map((t) => `${t}: ${baseline[t]} → ${now[t]}`);
        if (changed.length)
          failures.push(`rows changed (${changed.join(', ')}) after refused requests:\n${refused.join('\n')}`);
        baseline = now;
        refused = [];
      };

      for (const op of operations) {
        const property = fc.asyncProperty(requestOf(op, pools), async (r) => {
          const writes = r.method !== 'GET';
          // A request that may succeed: settle what came before it, so a change is put down to the right one.
          if (writes && !r.bent) await checkRefusals();
          // Signing out ends the session it is sent with: a session of its own each time (and the
          // sign-in's own rows are not the refusal's).
          let cookie = cookies[r.who];
          if (op.path === '/api/auth/logout' && r.who !== 'nobody') {
            await checkRefusals();
            cookie = await signIn(app, r.who === 'admin' ? 'admin' : 'liaison.sandiego');
            baseline = await counts();
          }
          const res = await app.inject({
            method: r.method as 'GET',
            url: r.url,
            // Addresses of their own, so the sign-in throttle the fuzzed logins trip is not the test's.
            remoteAddress: `203.0.113.${sent++ % 250}`,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(r.contentType !== undefined ? { 'content-type': r.contentType } : {}),
            },
            ...(r.payload !== undefined ? { payload: r.payload } : {}),
          });
          const tally = stats.get(`${op.method} ${op.path}`) ?? {};
          tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1;
          stats.set(`${op.method} ${op.path}`, tally);
          if (process.env.FUZZ_STATS === '2' && res.statusCode === 400)
            console.log(op.method, r.url.slice(0, 300), res.body.slice(0, 300));
          const mismatch = checkAnswer(op.method, op.path, {
            status: res.statusCode,
            contentType: res.headers['content-type'] as string | undefined,
            body: res.body,
          });
          const key = `${op.method} ${op.path}: ${mismatch?.replace(/body: .*/, 'body')}`;
          if (mismatch && !undocumented.has(key))
            undocumented.set(
              key,
              `${op.method} ${op.path}: ${mismatch}\n${describeRequest(r, res.statusCode, res.body)}`,
            );
          if (res.statusCode >= 500) failures.push(describeRequest(r, res.statusCode, res.body));
          else if (res.statusCode >= 400) {
            // A failed sign-in is audited on purpose (auth.login_failed): the one row a refusal writes.
            const code = (res.json() as { code?: string }).code;
            if (res.statusCode === 401 && code === 'bad_credentials') baseline.audit_log! += 1;
            // So is a plan or reschedule the repatriation rules stopped at a port the console knows
            // (a reschedule without one keeps its movement's), for the reviews: its rules, audited.
            if (res.statusCode === 422 && code === 'not_allowed' && op.method === 'POST') {
              const { portId } = JSON.parse(r.payload ?? '{}') as { portId?: string };
              const known = async (id: string) =>
                (
                  (await app.db.execute(sql`SELECT 1 FROM ports WHERE id = lower(${id})`)) as unknown as {
                    rows: unknown[];
                  }
                ).rows.length > 0;
              if (portId === undefined || (await known(portId))) {
                baseline.movement_refusals! += 1;
                baseline.audit_log! += 1;
              }
            }
            refused.push(describeRequest(r, res.statusCode, res.body).split('\n')[0]! + ` → ${res.statusCode}`);
          } else if (writes) {
            if (refused.length) {
              // A request meant to be refused went through: the refusals before it can't be told from it.
              unchecked += refused.length;
              refused = [];
            }
            baseline = await counts();
          }
          if (refused.length >= 25) await checkRefusals();
        });
        // Bounded in CI: once the budget is spent, the remaining operations get a few requests each.
        const numRuns = Date.now() - started > BUDGET_MS ? Math.min(RUNS, 5) : RUNS;
        await fc.assert(property, { numRuns, seed: SEED, endOnFailure: true });
        await checkRefusals();
      }

      if (process.env.FUZZ_STATS) for (const [op, tally] of stats) console.log(op, JSON.stringify(tally));
      const seconds = Math.round((Date.now() - started) / 1000);
      expect(
        failures,
        `fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${operations.length} operations × ${RUNS} requests in ${seconds}s`,
      ).toEqual([]);
      expect([...undocumented.values()], 'answers the OpenAPI document does not describe').toEqual([]);
      // Nearly every refusal was checked: only those just before an unexpected success could not be.
      expect(unchecked).toBeLessThan(operations.length * RUNS * 0.05);
    },
  );
});
