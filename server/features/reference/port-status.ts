import { eq } from 'drizzle-orm';
import { everyone } from '@shared/audience.js';
import type { SessionUser } from '@shared/auth.js';
import { can } from '@shared/permissions.js';
import type { Port, PortStatusBody } from '@shared/reference/contract.js';
import { actorOf } from '@server/core/access.js';
import type { Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { forbidden, notFound, outOfScope } from '@server/core/errors.js';
import { ports, portStatusChanges } from '@server/db/schema/reference.js';
import { findPort } from './repository.js';

/**
 * Opens, restricts or closes a port (Plan of Action V: bomb threats, trans-border pursuit,
 * weather at crossing points): the history row, the port's current status, the audit row and a
 * `port.status` event, in one transaction. Returns the port as it now stands.
 *
 * The liaison officers of the port's own mechanism may do it (both sides of the bridge), and the
 * supervisors and administrators anywhere. The event goes to everyone: the mechanism's officers
 * on both sides and the central desks must be alerted, and every other board, map and
 * repatriation plan that shows the port must follow it too.
 */
export async function setPortStatus(
  deps: { changes: Changes; clock: Clock },
  user: SessionUser,
  portId: string,
  body: PortStatusBody,
): Promise<Port> {
  return deps.changes.run(actorOf(user), async (tx, record) => {
    const [locked] = await tx.select({ id: ports.id }).from(ports).where(eq(ports.id, portId)).for('update');
    if (!locked) throw notFound();
    const before = (await findPort(tx, portId))!;
    if (!can(user, 'port.status.set', { mechanismId: before.mechanismId }))
      throw can(user, 'port.status.set') ? outOfScope() : forbidden();
    await tx.insert(portStatusChanges).values({
      portId,
      status: body.status,
      reason: body.reason ?? null,
      note: body.note ?? null,
      actorId: user.id,
      actorName: user.displayName,
      at: deps.clock.now(),
    });
    await tx.update(ports).set({ status: body.status }).where(eq(ports.id, portId));
    const after = (await findPort(tx, portId))!;
    record.audit({ action: 'port.status', entity: 'port', entityId: portId, before, after });
    record.event('port.status', { portId, port: after }, everyone);
    return after;
  });
}
