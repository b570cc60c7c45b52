import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import type { AdvisoryBody } from '@shared/advisories/contract.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { capSchemaAvailable, capSchemaErrors } from '../helpers/cap-schema.js';
import { officers, signedInUser, type TestUser } from '../helpers/factories.js';
import { connectWs } from '../helpers/ws.js';

type Cookie = Pick<TestUser, 'cookie'>;
const WEST_DESERT = 'az-west-desert-high-risk-zone';
const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'nws-heat-warning-cap12.xml'), 'utf8');
const capParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['info', 'area', 'polygon'].includes(name),
});
const capTimePattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;

describe(`advisories (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const clock = new ManualClock(new Date('2026-07-04T15:00:00Z'));
  const inHours = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();

  const heat = (over: Partial<AdvisoryBody> = {}): AdvisoryBody => ({
    hazard: 'heat',
    severity: 'extreme',
    areaIds: [WEST_DESERT],
    validFrom: inHours(0),
    validTo: inHours(48),
    text: {
      en: 'Extreme heat in the West Desert: carry water, call 911 if lost.',
      es: 'Calor extremo en el Desierto del Oeste: lleve agua, llame al 911 si se pierde.',
    },
    ...over,
  });
  const send = (user: Cookie | null, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    app.inject({ method, url: path, headers: user ? { cookie: user.cookie } : {}, payload: payload as object });
  const create = async (user: Cookie, body: AdvisoryBody) => {
    const res = await send(user, 'POST', '/api/advisories', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const published = async (user: Cookie, body: AdvisoryBody) => {
    const draft = await create(user, body);
    const res = await send(user, 'POST', `/api/advisories/${draft.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cap = (id: string) => app.inject({ url: `/api/advisories/${id}.cap` });
  const importCap = (user: Cookie, body: string) =>
    app.inject({
      method: 'POST',
      url: '/api/advisories/import-cap',
      headers: { cookie: user.cookie, 'content-type': 'application/xml' },
      payload: body,
    });
  const countAll = async (user: Cookie) => (await send(user, 'GET', '/api/advisories')).json().items.length;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('keeps a one-language draft, refuses to publish it with a field message per missing language, then publishes both', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const draft = await create(supervisor, heat({ text: { en: 'Extreme heat: carry water.' } }));
    expect(draft).toMatchObject({ status: 'draft', areaIds: [WEST_DESERT], exercise: false });
    expect(draft.mechanismIds.length).toBeGreaterThan(0);
    expect(draft.areas[0].name.es).toBeTruthy();

    const refused = await send(supervisor, 'POST', `/api/advisories/${draft.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      {
        path: 'text.es',
        message: {
          en: 'the Spanish text is required to publish',
          es: 'el texto en español es obligatorio para publicar',
        },
      },
    ]);

    const edited = await send(supervisor, 'PUT', `/api/advisories/${draft.id}`, heat());
    expect(edited.statusCode, edited.body).toBe(200);
    const live = await send(supervisor, 'POST', `/api/advisories/${draft.id}/publish`);
    expect(live.json()).toMatchObject({ status: 'published', version: 3 });
    const detail = (await send(supervisor, 'GET', `/api/advisories/${draft.id}`)).json();
    expect(detail.history.map((h: { change: string }) => h.change)).toEqual(['created', 'edited', 'published']);
  });

  it('lets only supervisors and administrators write; officers read published ones, never drafts', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const supervisor = await signedInUser(app, officers.mxSupervisor);
    expect((await send(liaison, 'POST', '/api/advisories', heat())).statusCode).toBe(403);
    const draft = await create(supervisor, heat());
    expect((await send(liaison, 'GET', `/api/advisories/${draft.id}`)).statusCode).toBe(404);
    expect((await send(null, 'GET', '/api/advisories')).statusCode).toBe(401);
  });

  it('refuses bad places and times field by field, never with a 500', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [-113, 32],
          [-112, 33],
          [-112, 32],
          [-113, 33],
          [-113, 32],
        ],
      ],
    };
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [-113, 32],
          [-112, 32],
          [-112, 33],
          [-113, 33],
        ],
      ],
    };
    const cases: Array<[unknown, string]> = [
      [{ ...heat(), areaIds: [], polygon: bowTie }, 'polygon.coordinates'],
      [{ ...heat(), areaIds: [], polygon: open }, 'polygon.coordinates.0'],
      [{ ...heat(), areaIds: ['atlantis'] }, 'areaIds'],
      [{ ...heat(), areaIds: [] }, 'areaIds'],
      [{ ...heat(), validTo: inHours(-1) }, 'validTo'],
      [{ ...heat(), hazard: 'hail' }, 'hazard'],
    ];
    for (const [body, path] of cases) {
      const res = await send(supervisor, 'POST', '/api/advisories', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
      expect(res.json().fields[0].message.es).toBeTruthy();
    }
    for (const garbage of [null, [], 42, { text: 5 }, { ...heat(), polygon: { type: 'Polygon', coordinates: 'x' } }])
      expect((await send(supervisor, 'POST', '/api/advisories', garbage)).statusCode).toBe(400);
  });

  it('emits Alert, Update, Cancel and Exercise messages that validate against the OASIS CAP 1.2 schema', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const advisory = await published(supervisor, heat());
    const polygon: AdvisoryBody['polygon'] = {
      type: 'Polygon',
      coordinates: [
        [
          [-112.9, 32.1],
          [-112.5, 32.1],
          [-112.5, 32.4],
          [-112.9, 32.4],
          [-112.9, 32.1],
        ],
      ],
    };
    const messages: Record<string, string> = { Alert: (await cap(advisory.id)).body };

    clock.advance(30);
    const updated = await send(
      supervisor,
      'PUT',
      `/api/advisories/${advisory.id}`,
      heat({ severity: 'severe', polygon }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    messages.Update = (await cap(advisory.id)).body;

    clock.advance(30);
    const cancelled = await send(supervisor, 'POST', `/api/advisories/${advisory.id}/cancel`, {
      reason: 'Heat broke early',
    });
    expect(cancelled.json().status).toBe('cancelled');
    const cancelRes = await cap(advisory.id);
    expect(cancelRes.headers['content-type']).toMatch(/^application\/cap\+xml/);
    messages.Cancel = cancelRes.body;

    const drill = await published(supervisor, heat({ exercise: true }));
    messages.Exercise = (await cap(drill.id)).body;

    for (const [kind, xml] of Object.entries(messages)) {
      if (capSchemaAvailable) expect(capSchemaErrors(xml), `${kind}: ${xml}`).toBeNull();
      const { alert } = capParser.parse(xml);
      expect(alert['@_xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
      expect(alert.status).toBe(kind === 'Exercise' ? 'Exercise' : 'Actual');
      expect(alert.msgType).toBe(kind === 'Exercise' ? 'Alert' : kind);
      expect(alert.sent).toMatch(capTimePattern);
      expect(alert.info.map((i: { language: string }) => i.language)).toEqual(['en-US', 'es-MX']);
      for (const info of alert.info) {
        expect(info.effective).toMatch(capTimePattern);
        expect(Date.parse(info.effective)).toBeGreaterThanOrEqual(Date.parse(alert.sent));
        for (const ring of info.area[0].polygon as string[]) {
          const pairs = ring.split(' ');
          expect(pairs.length).toBeGreaterThanOrEqual(4);
          expect(pairs[0]).toBe(pairs.at(-1));
          const [lat, lon] = pairs[0]!.split(',').map(Number);
          expect(lat).toBeGreaterThan(25); // CAP is latitude first
          expect(lon).toBeLessThan(-90);
        }
      }
      expect(alert.info[1].event).toBe('Calor extremo');
      expect(alert.info[1].description).toContain('lleve agua');
    }
    const { alert: update } = capParser.parse(messages.Update!);
    const { alert: first } = capParser.parse(messages.Alert!);
    expect(update.references).toBe(`${first.sender},${first.identifier},${first.sent}`);
    expect(update.info[0].area[0].polygon).toHaveLength(2);
    const { alert: cancel } = capParser.parse(messages.Cancel!);
    expect(cancel.references.split(' ')).toHaveLength(2);
    expect(cancel.note).toBe('Heat broke early');
  });

  it('serves drafts to no one publicly, and an Atom index of active and recently cancelled advisories', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const draft = await create(supervisor, heat());
    expect((await cap(draft.id)).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/advisories/not-an-id.cap' })).statusCode).toBe(400);
    const active = await published(supervisor, heat({ hazard: 'wildfire' }));
    const gone = await published(supervisor, heat({ hazard: 'flood' }));
    await send(supervisor, 'POST', `/api/advisories/${gone.id}/cancel`, {});

    const feed = await app.inject({ url: '/api/advisories.cap' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(feed.body).feed;
    const links = parsed.entry.map((e: { link: { '@_href': string } }) => e.link['@_href']);
    expect(links.some((l: string) => /^http:\/\/localhost(:\d+)?\/api\/advisories\//.test(l))).toBe(true);
    expect(links.some((l: string) => l.endsWith(`${active.id}.cap`))).toBe(true);
    expect(links.some((l: string) => l.endsWith(`${gone.id}.cap`))).toBe(true);
    expect(links.some((l: string) => l.endsWith(`${draft.id}.cap`))).toBe(false);
  });

  it('drops an advisory at validTo by itself through the due-work runner', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const advisory = await published(supervisor, heat({ validTo: inHours(2) }));
    const activeIds = async () =>
      (await send(supervisor, 'GET', '/api/advisories?active=true')).json().items.map((a: { id: string }) => a.id);
    expect(await activeIds()).toContain(advisory.id);

    clock.advance(119);
    await app.dueWork.tick();
    expect((await send(supervisor, 'GET', `/api/advisories/${advisory.id}`)).json().status).toBe('published');

    clock.advance(2);
    await app.dueWork.tick();
    expect(await activeIds()).not.toContain(advisory.id);
    const detail = (await send(supervisor, 'GET', `/api/advisories/${advisory.id}`)).json();
    expect(detail.status).toBe('expired');
    expect(detail.history.at(-1)).toMatchObject({ change: 'expired', by: 'system' });
  });

  it('alerts the officers of the mechanisms an advisory touches live, and not the others', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const probe = await create(supervisor, heat());
    const touched = probe.mechanismIds[0] as string;
    expect(probe.mechanismIds).not.toContain('brownsville-matamoros');
    const inside = await signedInUser(app, { role: 'consular', country: 'MX', mechanismId: touched });
    const outside = await signedInUser(app, { role: 'liaison', country: 'US', mechanismId: 'brownsville-matamoros' });
    const sockets = await Promise.all(
      [inside, outside].map(async (user) => {
        const ws = await connectWs(url, user.cookie);
        await ws.waitFor((m) => m.type === 'hello');
        ws.send({ type: 'subscribe' });
        return ws;
      }),
    );
    try {
      const desert = await published(supervisor, heat());
      const valley = await published(supervisor, heat({ areaIds: ['rio-grande-valley'], hazard: 'flood' }));
      const isPublished = (id: string) => (m: Record<string, unknown>) =>
        m.kind === 'advisory.published' && (m.data as { advisoryId: string }).advisoryId === id;
      const received = await sockets[0]!.waitFor(isPublished(desert.id));
      expect((received.data as { advisory: { text: { es: string } } }).advisory.text.es).toContain('Calor extremo');
      // Delivery is in order: once the later advisory arrives, the earlier one would have come first.
      await sockets[1]!.waitFor(isPublished(valley.id));
      expect(sockets[1]!.messages.some(isPublished(desert.id))).toBe(false);
    } finally {
      await Promise.all(sockets.map((ws) => ws.close()));
    }
  });

  it("imports another agency's CAP heat warning as a draft for the high-risk areas its polygon crosses", async () => {
    const supervisor = await signedInUser(app, officers.mxSupervisor);
    const res = await importCap(supervisor, fixture);
    expect(res.statusCode, res.body).toBe(201);
    const { advisory, matchedAreas } = res.json();
    expect(advisory).toMatchObject({ status: 'draft', hazard: 'heat', severity: 'extreme', exercise: false });
    expect(advisory.validFrom).toBe('2026-07-04T17:00:00.000Z');
    expect(advisory.validTo).toBe('2026-07-07T03:00:00.000Z');
    expect(advisory.text.en).toContain('Excessive Heat Warning');
    expect(advisory.text.es).toContain('calor excesivo');
    expect(advisory.polygon.coordinates[0][0]).toEqual([-113.2, 32.4]);
    const ids = matchedAreas.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['organ-pipe-cactus-nm', WEST_DESERT]));
    expect(ids).not.toContain('all-american-canal');
    // Both languages came with it: it can be published as is.
    expect((await send(supervisor, 'POST', `/api/advisories/${advisory.id}/publish`)).statusCode).toBe(200);
  });

  it('refuses malformed, non-CAP, entity-expansion, unsafe and oversized XML with the reason, writing nothing', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const before = await countAll(supervisor);
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol2;</identifier></alert>`;
    const cases: Array<[string, number, string]> = [
      [fixture.replace('</info>\n  <info>', '</info>\n  <inf>'), 400, 'xml_malformed'],
      ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 400, 'not_cap'],
      ['<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>x</identifier></alert>', 400, 'not_cap'],
      [laughs, 400, 'xml_doctype'],
      [fixture.replace('<sent>2026-07-04T09:00:00-07:00', '<sent>2026-07-04T09:00:00Z'), 400, 'invalid_cap'],
      [
        fixture.replaceAll('<expires>2026-07-06T20:00:00-07:00', '<expires>2026-07-04T08:00:00-07:00'),
        400,
        'invalid_cap',
      ],
      [fixture.replaceAll('31.90,-113.20 32.40,-113.20', '31.90,-113.20'), 400, 'invalid_cap'],
      [fixture.replace('</alert>', `<note>${'x'.repeat(200 * 1024)}</note></alert>`), 413, 'payload_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await importCap(supervisor, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().messageEs).toBeTruthy();
    }
    expect(await countAll(supervisor)).toBe(before);
    expect((await app.inject({ url: '/api/health' })).json().status).toBe('ok');
  });
});
