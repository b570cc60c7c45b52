import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditLog } from '@server/db/schema/audit-log.js';
import { loginAttempts } from '@server/db/schema/auth.js';
import { addressKey, loginThrottle } from '@server/features/auth/throttle.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';

const { perAddress, perUsername, windowMinutes } = loginThrottle;

function attempt(app: FastifyInstance, address: string, username: string, password = 'not-the-password') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    payload: { username, password },
  });
}

describe(`sign-in throttle (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let other: FastifyInstance;
  const clock = new ManualClock(new Date('2026-07-04T18:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    // A second instance with a pool of its own on PostgreSQL (the same PGlite otherwise).
    other = await startApp(await db.open(), { clock });
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
    await db?.dispose();
  });

  it('stops one address spraying many names, with Retry-After and a bilingual message', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < 80; i++) {
      const res = await attempt(app, '203.0.113.7', `spray.${i}`);
      statuses.push(res.statusCode);
      refused ??= res.statusCode === 429 ? res : undefined;
    }
    expect(statuses.slice(0, perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(perAddress).every((s) => s === 429)).toBe(true);
    // The clock stood still: the oldest counted failure leaves the window in a whole window.
    expect(refused!.headers['retry-after']).toBe(String(windowMinutes * 60));
    expect(refused!.json()).toEqual({
      statusCode: 429,
      code: 'too_many_sign_ins',
      message: `Too many failed sign-ins. Try again in ${windowMinutes} minutes.`,
      messageEs: `Demasiados intentos fallidos de inicio de sesión. Intente de nuevo en ${windowMinutes} minutos.`,
    });
    // Refused attempts are not written: the window is not pushed on by knocking.
    expect(await app.db.$count(loginAttempts, eq(loginAttempts.address, '203.0.113.7'))).toBe(perAddress);
    // Throttled means throttled: the right password from that address waits too.
    expect((await attempt(app, '203.0.113.7', 'consul.tijuana', DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('still signs in the right password from another address meanwhile', async () => {
    const res = await attempt(app, '198.51.100.20', 'consul.tijuana', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('consul.tijuana');
  });

  it('stops guessing one name from many addresses, whatever its case', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < perUsername + 5; i++) {
      statuses.push((await attempt(app, `192.0.2.${i + 1}`, i % 2 ? 'Central.MX' : 'central.mx')).statusCode);
    }
    expect(statuses.slice(0, perUsername).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(perUsername).every((s) => s === 429)).toBe(true);
    const fresh = await attempt(app, '198.51.100.30', 'central.mx', DEMO_PASSWORD);
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBe(windowMinutes * 60);
  });

  it('shares the counts between instances on one database', async () => {
    for (let i = 0; i < perUsername; i++) {
      const instance = i % 2 ? other : app;
      expect((await attempt(instance, `192.0.2.${100 + i}`, 'supervisor.mx')).statusCode).toBe(401);
    }
    expect((await attempt(other, '192.0.2.200', 'supervisor.mx')).statusCode).toBe(429);
    expect((await attempt(app, '192.0.2.201', 'supervisor.mx')).statusCode).toBe(429);
  });

  it('counts parallel guesses against each other', async () => {
    const results = await Promise.all(
      Array.from({ length: perAddress * 2 }, (_, i) => attempt(i % 2 ? other : app, '203.0.113.99', `burst.${i}`)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(perAddress);
  });

  it('records failed sign-ins as anonymous, with the name tried as a detail', async () => {
    expect((await attempt(app, '198.51.100.40', 'ceo@example.com')).statusCode).toBe(401);
    const rows = await app.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(rows.length).toBeGreaterThan(perAddress);
    for (const row of rows) {
      expect(row.actorId).toBeNull();
      expect(row.actorUsername).toBe('anonymous');
    }
    expect(rows.map((r) => r.after)).toContainEqual({ username: 'ceo@example.com', ip: '198.51.100.40' });
  });

  it('counts no successful sign-in: one address signs its accounts in again and again', async () => {
    // As the demo player does (server/demo-incidents.ts).
    for (let i = 0; i < perAddress + 5; i++) {
      const username = ['supervisor.us', 'liaison.sandiego', 'admin'][i % 3]!;
      expect((await attempt(app, '198.51.100.50', username, DEMO_PASSWORD)).statusCode).toBe(200);
    }
  });

  it("forgets a name's failures from an address once it signs in there, not other addresses'", async () => {
    for (let i = 0; i < perUsername - 1; i++) {
      expect((await attempt(app, '198.51.100.60', 'central.us')).statusCode).toBe(401);
    }
    expect((await attempt(app, '198.51.100.60', 'central.us', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < perUsername - 1; i++) {
      expect((await attempt(app, '198.51.100.61', 'central.us')).statusCode).toBe(401);
    }
    expect((await attempt(app, '198.51.100.62', 'central.us')).statusCode).toBe(401);
    expect((await attempt(app, '198.51.100.63', 'central.us')).statusCode).toBe(429);
  });

  it('lets sign-ins through again as the failures leave the window, and sweeps old attempts', async () => {
    clock.advance(windowMinutes - 5);
    const waiting = await attempt(app, '203.0.113.7', 'spray.x');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe(String(5 * 60));
    expect(waiting.json().message).toBe('Too many failed sign-ins. Try again in 5 minutes.');

    clock.advance(5);
    expect((await attempt(app, '203.0.113.7', 'consul.tijuana', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(other, '198.51.100.30', 'central.mx', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(other, '192.0.2.202', 'supervisor.mx', DEMO_PASSWORD)).statusCode).toBe(200);

    const before = await app.db.$count(loginAttempts);
    clock.advance(loginThrottle.keepHours * 60 + 1);
    expect((await attempt(app, '198.51.100.70', 'nobody')).statusCode).toBe(401);
    // One batch per sign-in, oldest first; this one's own row is the only young one.
    expect(await app.db.$count(loginAttempts)).toBe(Math.max(1, before - loginThrottle.sweepBatch + 1));
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses and counts an IPv6 /64 as one address', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
