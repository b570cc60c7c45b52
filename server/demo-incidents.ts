import type { FastifyInstance } from 'fastify';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { buildApp } from '@server/app.js';
import type { Clock } from '@server/core/clock.js';
import type { Config } from '@server/core/config.js';
import type { Database } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';
import { incidents } from '@server/db/schema/incidents.js';
import { demoIncidents, type DemoStep } from '@seeds/demo-incidents.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';

/** A clock the demo moves through the last weeks, one step at a time. */
class ScriptedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = at;
  }
}

const MINUTE = 60_000;
/** Long enough that each demo account signs in a couple of times over six weeks of demo history. */
const SESSION_HOURS = 24 * 20;

type Action = { at: Date; incident: number } & ({ kind: 'report' } | { kind: 'step'; step: DemoStep });

/**
 * Seeds the fictional demo incidents (seeds/demo-incidents.ts) once, alongside the demo
 * accounts: they are played through the API of an app on the same database whose clock
 * walks the last six weeks, so each is reported, alerted, acknowledged, escalated by due
 * work at its deadline, handed off and investigated exactly as officers' incidents are.
 * Returns how many it wrote (0 when they exist already).
 *
 * One instance at a time (the database's setup lock): several first starts at once play the
 * demo once, and no player's scripted clock sweeps another's sessions. The player's app
 * stores what it reports as demo from the first row (`config.demoPlayer`), so a demo
 * incident is never shown as real, even if a start dies half-way through the script.
 */
export async function seedDemoIncidents(
  database: Database,
  config: Config,
  now: Date,
  progress?: (step: string) => void,
): Promise<number> {
  return database.exclusively(async () => {
    const [existing] = await database.db
      .select({ id: incidents.id })
      .from(incidents)
      .where(eq(incidents.demo, true))
      .limit(1);
    if (existing) return 0;
    progress?.(`playing ${demoIncidents.length} demo incidents (first start only)…`);

    const clock = new ScriptedClock(now);
    const app = await buildApp(
      {
        ...config,
        logLevel: 'warn',
        sessionTtlHours: SESSION_HOURS,
        dueWorkPollMs: 24 * 60 * MINUTE,
        demoPlayer: true,
      },
      { database, clock },
    );
    await app.ready();
    try {
      return (await play(app, clock, now)).length;
    } finally {
      await app.close();
    }
  });
}

async function play(app: FastifyInstance, clock: ScriptedClock, now: Date): Promise<string[]> {
  const actions: Action[] = demoIncidents.flatMap((incident, index) => {
    const reported = new Date(
      now.getTime() - (incident.reportedAgo.days * 24 * 60 + (incident.reportedAgo.minutes ?? 0)) * MINUTE,
    );
    return [
      { at: reported, incident: index, kind: 'report' as const },
      ...incident.steps.map((step) => ({
        at: new Date(reported.getTime() + step.after * MINUTE),
        incident: index,
        kind: 'step' as const,
        step,
      })),
    ];
  });
  actions.sort((a, b) => a.at.getTime() - b.at.getTime());

  const sessions = new Map<string, { cookie: string; since: number }>();
  const cookieOf = async (username: string) => {
    const session = sessions.get(username);
    if (session && clock.now().getTime() - session.since < (SESSION_HOURS - 24) * 60 * MINUTE) return session.cookie;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`demo sign-in of ${username}: ${res.statusCode} ${res.body}`);
    const cookie = `sid=${res.cookies.find((c) => c.name === 'sid')!.value}`;
    sessions.set(username, { cookie, since: clock.now().getTime() });
    return cookie;
  };
  const call = async (username: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const res = await app.inject({ method, url, payload, headers: { cookie: await cookieOf(username) } });
    if (res.statusCode >= 300) throw new Error(`demo ${method} ${url} as ${username}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number };
  };

  /** Runs the due work (escalations) falling due up to `at`, each at its own due time, as a running console would. */
  const advanceTo = async (at: Date) => {
    for (;;) {
      const [next] = await app.db
        .select({ dueAt: dueWork.dueAt })
        .from(dueWork)
        .where(and(isNull(dueWork.doneAt), isNull(dueWork.setAsideAt), lte(dueWork.dueAt, at)))
        .orderBy(asc(dueWork.dueAt))
        .limit(1);
      if (!next) break;
      clock.set(next.dueAt);
      // Nothing ran: a kind no handler here knows. Leave it to the console.
      if ((await app.dueWork.tick()) === 0) break;
    }
    clock.set(at);
  };

  const created: Array<{ id: string; version: number } | undefined> = [];
  for (const action of actions) {
    await advanceTo(action.at);
    const demo = demoIncidents[action.incident]!;
    if (action.kind === 'report') {
      const occurredAt = new Date(action.at.getTime() - demo.occurredMinutesEarlier * MINUTE).toISOString();
      const { id, version } = await call(demo.reporter, 'POST', '/api/incidents', {
        type: demo.type,
        severity: demo.severity,
        summary: demo.summary,
        location: demo.location,
        occurredAt,
        ...(demo.people ? { people: demo.people } : {}),
      });
      created[action.incident] = { id, version };
      continue;
    }
    const incident = created[action.incident]!;
    const { step } = action;
    const url = `/api/incidents/${incident.id}`;
    if ('acknowledge' in step) await call(step.by, 'POST', `${url}/acknowledge`);
    else if ('investigation' in step) await call(step.by, 'PUT', `${url}/investigation`, step.investigation);
    else {
      const change =
        'status' in step ? { status: step.status } : 'note' in step ? { note: step.note } : { people: step.people };
      incident.version = (await call(step.by, 'PATCH', url, { ...change, version: incident.version })).version;
    }
    // Acknowledging can move the incident on by itself; keep the version the next change needs.
    if ('acknowledge' in step || 'investigation' in step)
      incident.version = (
        (await app.inject({ url, headers: { cookie: await cookieOf(step.by) } })).json() as { version: number }
      ).version;
  }
  await advanceTo(now);
  return created.flatMap((incident) => (incident ? [incident.id] : []));
}
