import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { countries, roles, type Country, type Role } from '@shared/auth.js';
import { can, permissions, type Permission } from '@shared/permissions.js';
import { movementRefusal, type MovementAction } from '@shared/repatriation/access.js';
import { coordinates } from '@shared/liaison/coordinators.js';
import type { RouteAccess } from '@server/core/access.js';
import { watchedTables, type JsonSchema } from '../helpers/openapi.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, signIn, startApp } from '../helpers/app.js';
import { incidentReport, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

/*
 * Security issue #22: the authorization matrix, generated from the route list. Every guarded
 * route (`app.routeAccess()`) × every role of both countries × the subject's mechanism — the
 * officer's own or another — is sent, and the answer must be what `can()` (shared/permissions.ts)
 * and the rules beside it (shared/liaison/coordinators.ts, shared/repatriation/access.ts) say:
 * - the role lacks the route's permission → 403 `forbidden`, before the handler;
 * - the role has it but the subject is outside the officer's mechanism (a scoped permission)
 *   → 403 `out_of_scope`;
 * - otherwise never 401 or 403: the handler may still find the body wrong (400), the subject
 *   gone (404) or its state moved on (409).
 * A refusal changes nothing in any table. A new route is covered as soon as it exists; a new
 * kind of path parameter needs a line in `subjectsOf` or `resolveParam` to get a real id.
 * MATRIX_STATS=1 prints every answer that was not a refusal, to see what got past the handlers' checks.
 */

/** Monday 8 June 2026, 08:00 at Tijuana: fixtures below (movements, advisories) lie ahead of it. */
const NOW = new Date('2026-06-08T15:00:00Z');
const OWN = 'san-diego-tijuana';
const OTHER = 'laredo-nuevo-laredo';
/** Tables that change on every sign-in or throttle, not because of what a request asked. */

/** The scoped roles belong to the San Diego – Tijuana mechanism; the overseers to none. */
const scopedRoles: readonly Role[] = ['consular', 'liaison'];
const officerTraits = roles.flatMap((role) =>
  countries.map((country: Country) => ({ role, country, mechanismId: scopedRoles.includes(role) ? OWN : null })),
);

/** What a subject of a route is, for the rules: its mechanism, who reported or planned it. */
interface Subject {
  label: string;
  /** Path parameter values, by name. */
  params: Record<string, string>;
  mechanismId?: string | null;
  reportedBy?: string;
  plannedBy?: string;
}

type Expected = { refused: 'forbidden' | 'out_of_scope' } | { refused: null };

type Schema = JsonSchema;

/** A plausible value for a schema: the first of each choice, every required field, times ahead of the clock. */
function example(schema: Schema, key = ''): unknown {
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return example(choice.find((s) => s.type !== 'null') ?? choice[0]!, key);
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat()[0];
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, example(schema.properties?.[k] ?? {}, k)]));
    case 'array':
      // OpenAPI 3.1 writes a tuple (a [lon, lat] position) as `prefixItems`, with `items: false`.
      if (schema.prefixItems) return schema.prefixItems.map((item) => example(item, key));
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => example(schema.items ?? {}, key));
    case 'integer':
    case 'number':
      if (/lat/i.test(key)) return places.tijuana.lat;
      if (/lon/i.test(key)) return places.tijuana.lon;
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? 1);
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date-time')
        return /end|to$|until/i.test(key) ? '2026-06-09T12:00:00-07:00' : '2026-06-09T10:00:00-07:00';
      if (schema.format === 'date') return '2026-06-30';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.pattern) return /port/i.test(key) ? 'san-ysidro' : 'example';
      return 'Example text'.slice(0, schema.maxLength ?? 12).padEnd(schema.minLength ?? 0, 'x');
  }
}

/** The movement action a repatriation route takes, for shared/repatriation/access.ts. */
const movementActions: Record<string, MovementAction> = {
  notice: 'notice',
  'confirm-reception': 'confirm',
  reschedule: 'reschedule',
  cancel: 'cancel',
};

describe(`authorization matrix: every route × role × mechanism (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let officers: TestUser[];
  let admin: TestUser;
  let bodies: Map<string, unknown>;
  let tables: string[];
  /** Subjects by the collection a route's `:id` names. */
  let subjects: Record<'mechanisms' | 'ports' | 'incidents' | 'movements' | 'reports' | 'tiles', Subject[]>;
  let byCollection: Map<string, string>;
  /** The database's foreign keys (first column each): which table's rows hang under which. */
  let links: Array<{ child: string; col: string; parent: string }> | undefined;

  const rows = async <T>(query: string): Promise<T[]> =>
    ((await app.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  /** Every table's rows, summed up: a refusal that wrote, updated or deleted anything changes it. */
  const fingerprint = async (): Promise<Record<string, string>> => {
    const found = await rows<{ t: string; f: string }>(
      tables
        .map(
          (t) =>
            `SELECT '${t}' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS f FROM "${t}" x`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(found.map((r) => [r.t, r.f]));
  };
  const send = (user: TestUser | null, method: string, url: string, body: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: user ? { cookie: user.cookie } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const asAdmin = async (method: string, url: string, body?: unknown) => {
    const res = await send(admin, method, url, body);
    if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    officers = await Promise.all(officerTraits.map((traits) => signedInUser(app, traits)));
    admin = officers.find((o) => o.role === 'admin')!;
    const usLiaison = officers.find((o) => o.role === 'liaison' && o.country === 'US')!;

    // Subjects on both sides of the scope line: the officers' own mechanism and another one.
    const ports = (await (await send(admin, 'GET', '/api/ports', undefined)).json()) as Array<{
      id: string;
      mechanismId: string | null;
    }>;
    const portOf = (mechanismId: string) => ports.find((p) => p.mechanismId === mechanismId)!.id;
    const occurredAt = '2026-06-08T07:30:00-07:00';
    const incidentAt = async (location: typeof places.tijuana, by: TestUser) => {
      const incident = await reportIncident(app, by, { location, occurredAt });
      // Something behind every id the incident's sub-routes take: an operation with a sector, a checklist.
      const square = [
        [location.lon, location.lat],
        [location.lon + 0.02, location.lat],
        [location.lon + 0.02, location.lat + 0.02],
        [location.lon, location.lat],
      ];
      await asAdmin('POST', `/api/incidents/${incident.id}/sar`, {});
      await asAdmin('POST', `/api/incidents/${incident.id}/sar/sectors`, {
        name: 'A1',
        polygon: { type: 'Polygon', coordinates: [square] },
      });
      await asAdmin('POST', `/api/incidents/${incident.id}/checklists`, { kind: 'heat_wave' });
      return incident;
    };
    const own = await incidentAt(places.tijuana, admin);
    const other = await incidentAt(places.laredo, admin);
    const reportedByLiaison = await incidentAt(places.laredo, usLiaison);
    const plan = async (portId: string, at: string) =>
      asAdmin('POST', '/api/repatriation/movements', {
        portId,
        at,
        fromFacility: 'Otay Mesa Detention Center',
        persons: [{ nationality: 'MX', category: 'adult_male' }],
      });
    const ownMovement = await plan('san-ysidro', '2026-06-09T10:00:00-07:00');
    const otherMovement = await plan(portOf(OTHER), '2026-06-09T10:00:00-05:00');
    // Published, so every role sees it (a draft is its writers' only).
    const advisory = await asAdmin('POST', '/api/advisories', {
      hazard: 'heat',
      severity: 'extreme',
      areaIds: ['az-west-desert-high-risk-zone'],
      validFrom: '2026-06-08T15:00:00Z',
      validTo: '2026-06-10T15:00:00Z',
      text: { en: 'Extreme heat: carry water.', es: 'Calor extremo: lleve agua.' },
    });
    await asAdmin('POST', `/api/advisories/${advisory.id}/publish`);

    subjects = {
      mechanisms: [
        { label: 'own mechanism', params: { id: OWN }, mechanismId: OWN },
        { label: 'other mechanism', params: { id: OTHER }, mechanismId: OTHER },
      ],
      ports: [
        { label: 'own port', params: { id: portOf(OWN) }, mechanismId: OWN },
        { label: 'other port', params: { id: portOf(OTHER) }, mechanismId: OTHER },
      ],
      incidents: [
        { label: 'own incident', params: { id: own.id }, mechanismId: own.mechanismId, reportedBy: admin.id },
        { label: 'other incident', params: { id: other.id }, mechanismId: other.mechanismId, reportedBy: admin.id },
        {
          label: 'other incident the US liaison reported',
          params: { id: reportedByLiaison.id },
          mechanismId: reportedByLiaison.mechanismId,
          reportedBy: usLiaison.id,
        },
      ],
      movements: [
        { label: 'own movement', params: { id: ownMovement.id }, mechanismId: OWN, plannedBy: admin.id },
        { label: 'other movement', params: { id: otherMovement.id }, mechanismId: OTHER, plannedBy: admin.id },
      ],
      // A report's scope is in its query (tests/server/reports.test.ts): the path names only the table.
      reports: [{ label: 'incidents table', params: { table: 'incidents' } }],
      // A tile's scope is the reader's: its path names a place on the map (zoom 4 over Tijuana).
      tiles: [{ label: 'a tile over Tijuana', params: { z: '4', x: '2', y: '6' } }],
    };
    expect(own.mechanismId).toBe(OWN);
    expect(other.mechanismId).toBe(OTHER);

    // Request bodies from the OpenAPI document; a few need what a schema can't say (an order, a place).
    const doc = (await send(admin, 'GET', '/api/docs/json', undefined)).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
    };
    bodies = new Map();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (schema) bodies.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, example(schema));
      }
    // Whoever sees an emergency reports it, wherever it is: the Laredo report from a Tijuana officer.
    bodies.set('POST /api/incidents', incidentReport({ location: places.laredo, occurredAt }));
    const meeting = { startsAt: '2026-07-09T10:00', timeZone: 'America/Tijuana', place: 'Garita El Chaparral' };
    bodies.set('POST /api/mechanisms/:id/meetings', meeting);
    bodies.set('PUT /api/mechanisms/:id/meetings/:meetingId', meeting);
    bodies.set('PUT /api/mechanisms/:id/rotations', {
      shifts: [{ side: 'US', days: [1, 2, 3], start: '08:00', end: '16:00', memberId: null }],
    });
    const { lat, lon } = places.tijuana;
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.02, lat],
          [lon + 0.02, lat + 0.02],
          [lon, lat],
        ],
      ],
    };
    bodies.set('POST /api/incidents/:id/sar/sectors', { name: 'B2', polygon });
    bodies.set('PATCH /api/incidents/:id/sar/sectors/:sectorId', { status: 'searched' });
    bodies.set('POST /api/repatriation/movements', {
      portId: 'san-ysidro',
      at: '2026-06-09T11:00:00-07:00',
      fromFacility: 'Otay Mesa Detention Center',
      persons: [{ nationality: 'MX', category: 'adult_female' }],
    });

    tables = await watchedTables(app);
    byCollection = new Map();
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  /** Every route but the live connection (tests/server/security-requests.test.ts opens it), one method a row. */
  const routesOf = (): RouteAccess[] =>
    app
      .routeAccess()
      .flatMap((r) => r.method.split(',').map((method) => ({ ...r, method })))
      .filter((r) => r.url !== '/ws');

  /** The table a path segment names: `members` → `mechanism_members`, `intended-gaps` → `intended_gaps`. */
  const tableFor = (segment: string) => {
    const name = segment.replaceAll('-', '_');
    return tables.find((t) => t === name) ?? tables.find((t) => t.endsWith(`_${name}`));
  };

  /** The route's subjects: own and other mechanism where it has one, else the one real thing its `:id` names. */
  async function subjectsOf(url: string): Promise<Subject[]> {
    const segments = url.split('/');
    const at = segments.findIndex((s) => s.startsWith(':'));
    if (at < 0) return [{ label: 'no subject', params: {} }];
    const collection = segments[at - 1]!;
    if (collection in subjects) return subjects[collection as keyof typeof subjects];
    // The due-work queue changes by itself, so it isn't watched; its rows are subjects all the same.
    const table = collection === 'due-work' ? 'due_work' : tableFor(collection);
    if (!table) throw new Error(`no fixture for ":${segments[at]}" of ${url}: teach subjectsOf where to find one`);
    let id = byCollection.get(table);
    if (!id) {
      [{ id } = { id: '' }] = await rows<{ id: string }>(`SELECT id::text AS id FROM "${table}" ORDER BY 1 LIMIT 1`);
      if (!id) throw new Error(`no row in ${table} for ${url}: create one in beforeAll`);
      byCollection.set(table, id);
    }
    return [{ label: table, params: { id } }];
  }

  /** A real value for a path parameter below the subject: a row of the named table under the parent. */
  async function resolveParam(url: string, name: string, params: Record<string, string>): Promise<string> {
    const segments = url.split('/');
    const at = segments.indexOf(`:${name}`);
    const parentName = segments
      .slice(0, at)
      .reverse()
      .find((s) => s.startsWith(':'))!
      .slice(1);
    const parentTable = tableFor(segments[segments.indexOf(`:${parentName}`) - 1]!)!;
    if (name === 'stepId') {
      const list = (await send(admin, 'GET', `/api/incidents/${params.id}/checklists`, undefined)).json() as {
        checklists: Array<{ kind: string; steps: Array<{ id: string }> }>;
      };
      return list.checklists.find((c) => c.kind === params.kind)?.steps[0]?.id ?? 'unknown-step';
    }
    const table = tableFor(segments[at - 1]!);
    if (!table) throw new Error(`no fixture for ":${name}" of ${url}: teach resolveParam where to find one`);
    const column = name === 'id' || name.endsWith('Id') ? 'id' : name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // Under the parent: directly (member → mechanism), or through one table between (sector → operation → incident).
    links ??= await rows<{ child: string; col: string; parent: string }>(`
      SELECT cl.relname AS child, att.attname AS col, pcl.relname AS parent
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_class pcl ON pcl.oid = c.confrelid
        JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
       WHERE c.contype = 'f'`);
    const direct = links.find((l) => l.child === table && l.parent === parentTable);
    const parentValue = params[parentName]!.replaceAll("'", "''");
    let found: Array<{ v: string }> = [];
    if (direct)
      found = await rows(
        `SELECT ${column}::text AS v FROM "${table}" WHERE ${direct.col}::text = '${parentValue}' ORDER BY 1 LIMIT 1`,
      );
    else {
      const hop = links.find(
        (l) => l.child === table && links!.some((m) => m.child === l.parent && m.parent === parentTable),
      );
      const up = hop && links!.find((m) => m.child === hop.parent && m.parent === parentTable);
      if (hop && up)
        found = await rows(
          `SELECT x.${column}::text AS v FROM "${table}" x JOIN "${hop.parent}" y ON x.${hop.col} = y.id WHERE y.${up.col}::text = '${parentValue}' ORDER BY 1 LIMIT 1`,
        );
    }
    // None under this parent (another mechanism's roster may have no override): a well-formed id of nothing,
    // which the scope check still refuses before it looks.
    return found[0]?.v ?? (column === 'id' ? 'no-such-row' : 'heat_wave');
  }

  /** What the rules say `user` gets on `route` for `subject`. */
  function expected(route: RouteAccess, user: TestUser, subject: Subject): Expected {
    if (route.public) return { refused: null };
    const permission = route.permission as Permission;
    if (!can(user, permission)) return { refused: 'forbidden' };
    const segments = route.url.split('/');
    const action = movementActions[segments.at(-1)!];
    if (segments.includes('movements') && subject.plannedBy && action) {
      const refusal = movementRefusal(user, action, {
        mechanismId: subject.mechanismId ?? null,
        status: 'planned',
        consularNotice: null,
        plannedBy: { id: subject.plannedBy, name: '' },
      } as Parameters<typeof movementRefusal>[2]);
      if (refusal === 'scope') return { refused: 'out_of_scope' };
      // The government a notice or a reception belongs to: the role may, this officer may not.
      if (refusal === 'role' || refusal === 'noticeGovernment' || refusal === 'receptionGovernment')
        return { refused: 'forbidden' };
      return { refused: null };
    }
    if (subject.mechanismId === undefined || !('scope' in permissions[permission])) return { refused: null };
    if (permission === 'liaison.coordinate')
      return coordinates(user, subject.mechanismId!) ? { refused: null } : { refused: 'out_of_scope' };
    return can(user, permission, { mechanismId: subject.mechanismId, reportedBy: subject.reportedBy })
      ? { refused: null }
      : { refused: 'out_of_scope' };
  }

  it(
    'answers every route × role × mechanism as the permission matrix says, and a refusal changes nothing',
    { timeout: 180_000 },
    async () => {
      const order = ['HEAD', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
      const routes = routesOf().sort(
        (a, b) =>
          Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout') ||
          order.indexOf(a.method) - order.indexOf(b.method),
      );
      expect(routes.length).toBeGreaterThan(100);
      const wrong: string[] = [];
      const seen = { forbidden: 0, outOfScope: new Set<Permission>(), allowed: 0 };

      for (const route of routes) {
        const body = ['GET', 'HEAD'].includes(route.method)
          ? undefined
          : (bodies.get(`${route.method} ${route.url}`) ?? undefined);
        const cases: Array<{ user: TestUser; subject: Subject; url: string; expect: Expected }> = [];
        for (const subject of await subjectsOf(route.url)) {
          const params = { ...subject.params };
          for (const [, name] of route.url.matchAll(/:(\w+)/g))
            params[name!] ??= await resolveParam(route.url, name!, params);
          const url = route.url
            .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!))
            .replace('*', 'index.html');
          for (const user of officers) cases.push({ user, subject, url, expect: expected(route, user, subject) });
        }

        const check = (c: (typeof cases)[number], status: number, response: string) => {
          const who = `${c.user.role} ${c.user.country}${c.user.mechanismId ? ` of ${c.user.mechanismId}` : ''}`;
          const line = `${route.method} ${c.url} (${c.subject.label}, ${route.permission ?? 'public'}) as ${who}: expected ${
            c.expect.refused ?? 'not refused'
          }, got ${status} ${response.slice(0, 300)}`;
          // A HEAD answer has no body to read the code from: its GET twin is checked for it.
          const code = status === 403 && response ? ((JSON.parse(response) as { code?: string }).code ?? '') : '';
          if (c.expect.refused) {
            if (status !== 403 || (route.method !== 'HEAD' && code !== c.expect.refused)) wrong.push(line);
            else if (c.expect.refused === 'forbidden') seen.forbidden++;
            else seen.outOfScope.add(route.permission as Permission);
          } else if (status === 401 || status === 403 || status >= 500) wrong.push(line);
          // Whoever sees an emergency reports it, wherever it is (Plan of Action V): never refused for scope.
          else if (route.method === 'POST' && route.url === '/api/incidents' && status !== 201) wrong.push(line);
          else seen.allowed++;
          if (process.env.MATRIX_STATS && !c.expect.refused) console.log('ALLOWED', status, line.slice(0, 400));
        };

        // The refusals first, while every subject is as the fixtures left it; then nothing may have changed.
        const refused = cases.filter((c) => c.expect.refused);
        const before = refused.length ? await fingerprint() : null;
        for (const c of refused) {
          const res = await send(c.user, route.method, c.url, body);
          check(c, res.statusCode, route.method === 'HEAD' ? '' : res.body);
        }
        if (before) {
          const after = await fingerprint();
          const changed = tables.filter((t) => after[t] !== before[t]);
          if (changed.length) wrong.push(`${route.method} ${route.url}: refusals changed ${changed.join(', ')}`);
        }
        for (const c of cases.filter((c) => !c.expect.refused)) {
          // Signing out ends the session it is sent with: a session of its own.
          const user =
            route.url === '/api/auth/logout'
              ? { ...c.user, cookie: await signIn(app, c.user.username, c.user.password) }
              : c.user;
          // Every officer signs in with their own name and password.
          const payload =
            route.url === '/api/auth/login' ? { username: c.user.username, password: c.user.password } : body;
          const res = await send(user, route.method, c.url, payload);
          check(c, res.statusCode, route.method === 'HEAD' ? '' : res.body);
        }

        // Without a session: 401 on every guarded route.
        if (!route.public) {
          const res = await send(null, route.method, cases[0]!.url, body);
          if (res.statusCode !== 401)
            wrong.push(`${route.method} ${cases[0]!.url} without a session: expected 401, got ${res.statusCode}`);
        }
      }

      expect(wrong).toEqual([]);
      // The matrix exercised every kind of answer, and the scope of every scoped permission a route checks.
      expect(seen.forbidden).toBeGreaterThan(50);
      expect(seen.allowed).toBeGreaterThan(500);
      expect([...seen.outOfScope].sort()).toEqual(
        expect.arrayContaining([
          'incident.acknowledge',
          'incident.edit',
          'incident.investigate',
          'incident.read',
          'liaison.coordinate',
          'port.status.set',
          'repatriation.confirm',
          'repatriation.notice',
          'repatriation.plan',
          'sar.coordinate',
          'sar.read',
        ]),
      );
    },
  );
});
