import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Audience } from '@shared/audience.js';
import { sessionIdOf } from '@server/core/sessions.js';
import { events } from '@server/db/schema/events.js';
import { sessions } from '@server/db/schema/users.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { listen, ManualClock, startApp } from '../helpers/app.js';
import { officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';
import { connectWs, type TestSocket } from '../helpers/ws.js';

type Event = { type: string; seq: number; kind: string; data: { incidentId: string } };
const isEvent = (m: Record<string, unknown>): m is Event => m.type === 'event';
const about = (incidentId: string, kind?: string) => (m: Record<string, unknown>) =>
  isEvent(m) && m.data.incidentId === incidentId && (!kind || m.kind === kind);

async function subscribe(
  url: string,
  user: Pick<TestUser, 'cookie'>,
  since?: number,
): Promise<{ ws: TestSocket; hello: number }> {
  const ws = await connectWs(url, user.cookie);
  const hello = (await ws.waitFor((m) => m.type === 'hello')).seq as number;
  ws.send(since === undefined ? { type: 'subscribe' } : { type: 'subscribe', since });
  return { ws, hello };
}

/**
 * The hub's clock, stopped where the suite starts, so no due work falls due while it runs:
 * a test here must see exactly the events its own writes make, and a report's escalation
 * (due minutes later) would add events nobody asked for. The database has no other due
 * work (tests/helpers/global-setup.ts), so the day the run happens changes nothing. Not a
 * fixed date: a session's websocket is closed when the session expires, timed by real time.
 */
const stoppedClock = () => new ManualClock();

/** A database of the suite's own and the app listening on a random port, for the suite's tests. */
function listeningApp(): { db: TestDatabase; app: FastifyInstance; url: string } {
  const suite = {} as { db: TestDatabase; app: FastifyInstance; url: string };
  beforeAll(async () => {
    suite.db = await createTestDatabase();
    suite.app = await startApp(await suite.db.open(), { clock: stoppedClock() });
    suite.url = await listen(suite.app);
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.db?.dispose();
  });
  return suite;
}

describe(`event hub (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  const suite = listeningApp();
  const officer = (traits: (typeof officers)[keyof typeof officers]) => signedInUser(suite.app, traits);
  /** Writes straight into the outbox, with no NOTIFY: the slow poll must find it. */
  const writeEvent = async (incidentId: string, audience: Audience | null, mechanismId: string | null = null) => {
    const [row] = await suite.app.db
      .insert(events)
      .values({ kind: 'incident.updated', mechanismId, audience, data: { incidentId } })
      .returning();
    return row!.seq;
  };

  it('refuses a websocket without a session, or opened by another site’s page', async () => {
    const supervisor = await officer(officers.usSupervisor);
    await expect(connectWs(suite.url, 'sid=forged')).rejects.toThrow(/401/);
    await expect(connectWs(suite.url, supervisor.cookie, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const own = await connectWs(suite.url, supervisor.cookie, { origin: suite.url });
    await own.close();
  });

  it('delivers incident.created and alert.raised live, carrying the incident id', async () => {
    const consul = await officer(officers.mxConsul);
    const liaison = await officer(officers.usLiaison);
    const { ws } = await subscribe(suite.url, consul);
    const { id } = await reportIncident(suite.app, liaison, { summary: 'Person in distress in the canal' });
    const created = await ws.waitFor(about(id, 'incident.created'));
    expect((created as Event & { data: { incident: { summary: string } } }).data.incident.summary).toBe(
      'Person in distress in the canal',
    );
    await ws.waitFor(about(id, 'alert.raised'));
    await ws.close();
  });

  it('names the user whose change an event announces (clients never alert users about their own changes)', async () => {
    const consul = await officer(officers.mxConsul);
    const liaison = await officer(officers.usLiaison);
    const { ws } = await subscribe(suite.url, consul);
    const { id } = await reportIncident(suite.app, liaison);
    expect((await ws.waitFor(about(id, 'incident.created'))).actor).toBe(liaison.id);
    // Written by no one (an import, a row from before actors were recorded): null.
    await writeEvent(id, [{ userIds: [consul.id] }]);
    expect((await ws.waitFor(about(id, 'incident.updated'))).actor).toBeNull();
    await ws.close();
  });

  it('keeps a scoped officer to their mechanism’s events', async () => {
    const consul = await officer(officers.mxConsul);
    const supervisor = await officer(officers.usSupervisor);
    const { ws: consulWs } = await subscribe(suite.url, consul);
    const { ws: supervisorWs } = await subscribe(suite.url, supervisor);
    const far = await reportIncident(suite.app, supervisor, { location: places.laredo, summary: 'Far away' });
    const near = await reportIncident(suite.app, supervisor);
    await supervisorWs.waitFor(about(far.id));
    await consulWs.waitFor(about(near.id, 'alert.raised'));
    // The consul's events arrive in order: having seen the later incident, the earlier one was skipped.
    expect(consulWs.messages.some(about(far.id))).toBe(false);
    await Promise.all([consulWs.close(), supervisorWs.close()]);
  });

  it('delivers each event to its audience only, live and on replay by the same rule', async () => {
    const consul = await officer(officers.mxConsul);
    const liaison = await officer(officers.usLiaison);
    const mxSupervisor = await officer(officers.mxSupervisor);
    const usSupervisor = await officer(officers.usSupervisor);
    const readers = [consul, liaison, mxSupervisor, usSupervisor];
    const live = await Promise.all(readers.map((user) => subscribe(suite.url, user)));
    const since = Math.min(...live.map((l) => l.hello));

    await writeEvent('mx-side', [{ mechanismIds: ['san-diego-tijuana'], countries: ['MX'] }]);
    await writeEvent('to-the-liaison', [{ userIds: [liaison.id] }]);
    await writeEvent('central-desks', [{ roles: ['central'] }]);
    // Written before audiences existed: its mechanism's scope decides, as it did then.
    await writeEvent('laredo-legacy', null, 'laredo-nuevo-laredo');
    const last = await writeEvent('everyone', [{}]);

    const expected = {
      [consul.id]: ['mx-side', 'everyone'],
      [liaison.id]: ['to-the-liaison', 'everyone'],
      [mxSupervisor.id]: ['mx-side', 'laredo-legacy', 'everyone'],
      [usSupervisor.id]: ['laredo-legacy', 'everyone'],
    };
    const received = (ws: TestSocket) =>
      ws.messages
        .filter(isEvent)
        .filter((e) => e.seq > since)
        .map((e) => e.data.incidentId);
    for (const [i, { ws }] of live.entries()) {
      await ws.waitFor((m) => isEvent(m) && m.seq === last);
      expect(received(ws), readers[i]!.username).toEqual(expected[readers[i]!.id]);
      await ws.close();
    }
    for (const user of readers) {
      const { ws } = await subscribe(suite.url, user, since);
      await ws.waitFor((m) => isEvent(m) && m.seq === last);
      expect(received(ws), `replay for ${user.username}`).toEqual(expected[user.id]);
      await ws.close();
    }
  });

  it('replays exactly what a client missed after a reconnect: in order, no duplicates, then live', async () => {
    const supervisor = await officer(officers.usSupervisor);
    const liaison = await officer(officers.usLiaison);
    const first = await subscribe(suite.url, supervisor);
    const seen = await reportIncident(suite.app, supervisor);
    // A report's last event: the reporting government's acknowledgement, recorded with it.
    const last = (await first.ws.waitFor(about(seen.id, 'alert.acknowledged'))).seq as number;
    await first.ws.close();

    const missed: string[] = [];
    for (let i = 0; i < 3; i++) missed.push((await reportIncident(suite.app, liaison, { summary: `missed ${i}` })).id);

    const again = await subscribe(suite.url, supervisor, last);
    const afterwards = (await reportIncident(suite.app, supervisor)).id;
    await again.ws.waitFor(about(afterwards, 'alert.acknowledged'));

    const received = again.ws.messages.filter(isEvent);
    const seqs = received.map((e) => e.seq);
    expect(seqs[0]).toBe(last + 1);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(received.map((e) => `${e.kind}:${e.data.incidentId}`)).toEqual(
      [...missed, afterwards].flatMap((id) => [
        `incident.created:${id}`,
        `alert.raised:${id}`,
        `alert.acknowledged:${id}`,
      ]),
    );
    await again.ws.close();
  });

  it('delivers an event whose notification was lost, through the slow poll', async () => {
    const { ws } = await subscribe(suite.url, await officer(officers.usSupervisor));
    const seq = await writeEvent('no-notify', [{}]);
    const got = await ws.waitFor(about('no-notify'), 5000);
    expect(got.seq).toBe(seq);
    await ws.close();
  });

  it('never skips an event when many changes commit at once', async () => {
    const supervisor = await officer(officers.usSupervisor);
    const liaison = await officer(officers.usLiaison);
    const { ws, hello } = await subscribe(suite.url, supervisor);
    const ids = (await Promise.all(Array.from({ length: 20 }, () => reportIncident(suite.app, liaison)))).map(
      (i) => i.id,
    );
    await ws.waitFor(() => ids.every((id) => ws.messages.some(about(id, 'alert.raised'))), 10_000);
    const seqs = ws.messages.filter(isEvent).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => hello + 1 + i));
    await ws.close();
  });

  it('closes the websockets of a session that signs out', async () => {
    const liaison = await officer(officers.usLiaison);
    const { ws } = await subscribe(suite.url, liaison);
    const closed = new Promise<number>((resolve) => ws.socket.once('close', (code) => resolve(code)));
    await suite.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: liaison.cookie } });
    expect(await closed).toBe(4001);
  });

  it('closes the websockets of a session that ended elsewhere (another instance, or expiry)', async () => {
    const consul = await officer(officers.mxConsul);
    const { ws } = await subscribe(suite.url, consul);
    const closed = new Promise<number>((resolve) => ws.socket.once('close', (code) => resolve(code)));
    await suite.app.db.delete(sessions).where(eq(sessions.id, sessionIdOf(consul.cookie.replace('sid=', ''))));
    await suite.app.eventHub.closeEndedSessions();
    expect(await closed).toBe(4001);
  });
});

describe.skipIf(!onPostgres)('event order with concurrent writers (postgres)', () => {
  const suite = listeningApp();

  /** A writer that takes its `seq` now and commits (or rolls back) when told; `dispose` ends it if a test fails first. */
  async function slowWriter() {
    const client = await suite.db.client();
    await client.query('begin');
    const { rows } = await client.query(
      `insert into events (kind, audience, data) values ('incident.updated', '[{}]', '{"incidentId":"slow"}') returning seq`,
    );
    return {
      seq: Number(rows[0].seq),
      finish: async (how: 'commit' | 'rollback') => {
        await client.query(how);
        await client.end();
      },
    };
  }

  for (const how of ['commit', 'rollback'] as const) {
    it(`holds later events back while an earlier writer is open, then delivers in order (${how})`, async () => {
      const { ws } = await subscribe(suite.url, await signedInUser(suite.app, officers.usSupervisor));
      const writer = await slowWriter();
      const fast = (await reportIncident(suite.app, await signedInUser(suite.app, officers.usLiaison))).id;
      // The hub has seen the later events and is waiting on the open writer: nothing may arrive yet.
      await vi.waitFor(() => expect(suite.app.eventHub.heldBackAfter).toBe(writer.seq - 1), {
        timeout: 5000,
        interval: 10,
      });
      expect(ws.messages.filter(isEvent)).toEqual([]);

      await writer.finish(how);
      // A report announces three events: created, alert raised, and the reporting government's acknowledgement.
      await ws.waitFor(about(fast, 'alert.acknowledged'));
      const received = ws.messages.filter(isEvent);
      const reported = [fast, fast, fast];
      expect(received.map((e) => e.data.incidentId)).toEqual(how === 'commit' ? ['slow', ...reported] : reported);
      expect(received.map((e) => e.seq)).toEqual([...received.map((e) => e.seq)].sort((a, b) => a - b));
      if (how === 'commit') expect(received[0]!.seq).toBe(writer.seq);
      await ws.close();
    });
  }
});

describe.skipIf(!onPostgres)('event hub starting while a writer is in flight (postgres)', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.dispose();
  });

  it('starts from a settled head: an event committed after start-up with a lower seq still reaches clients', async () => {
    db = await createTestDatabase();
    const slow = await db.client();
    await slow.query('begin');
    const { rows } = await slow.query(
      `insert into events (kind, audience, data) values ('incident.updated', '[{}]', '{"incidentId":"in-flight"}') returning seq`,
    );
    const booting = startApp(await db.open(), { clock: stoppedClock() }).then((app) => {
      apps.push(app);
      return app;
    });
    // Commit only once the starting hub waits for this writer (its SHARE lock on events is queued).
    await vi.waitFor(
      async () => {
        const waiting = await slow.query(
          `select 1 from pg_locks where relation = 'events'::regclass and mode = 'ShareLock' and not granted`,
        );
        expect(waiting.rowCount).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 20 },
    );
    await slow.query('commit');
    await slow.end();
    const app = await booting;
    const { ws, hello } = await subscribe(
      await listen(app),
      await signedInUser(app, officers.usSupervisor),
      Number(rows[0].seq) - 1,
    );
    expect(hello).toBeGreaterThanOrEqual(Number(rows[0].seq));
    await ws.waitFor(about('in-flight'));
    await ws.close();
  });
});

describe.skipIf(!onPostgres)('event hub across instances (postgres)', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // No backstop poll within the test's time: only NOTIFY can carry the event across.
    const clock = stoppedClock();
    for (let i = 0; i < 2; i++)
      apps.push(await startApp(await db.open(), { clock, env: { EVENTS_POLL_MS: '3600000' } }));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.dispose();
  });

  it('brings a change written through one instance to a websocket client of the other', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const { ws } = await subscribe(await listen(b), await signedInUser(b, officers.mxConsul));
    const { id } = await reportIncident(a, await signedInUser(a, officers.usLiaison));
    await ws.waitFor(about(id, 'incident.created'));
    await ws.close();
  });
});
