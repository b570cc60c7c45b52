import type { Executor } from '@server/core/db.js';
import { hashPassword } from '@server/core/passwords.js';
import { usernameExists } from '@server/core/users.js';
import { users } from '@server/db/schema/users.js';
import { DEMO_PASSWORD, demoUsers } from './demo-users.js';
import { seedInteriorMechanisms, seedMechanismAreas, seedRosters } from './liaison/seed.js';
import { seedReference } from './reference.js';
import { seedRepatriation } from './repatriation/seed.js';

/**
 * Reference geography always; demo accounts, the illustrative interior mechanisms and the
 * fictional liaison rosters only when asked. Safe to run on every start. `now` dates the
 * demo rosters (verification ages, meetings, overrides).
 */
export async function seed(db: Executor, options: { demo: boolean; now?: Date }): Promise<void> {
  await seedReference(db);
  if (options.demo) await seedInteriorMechanisms(db);
  await seedMechanismAreas(db);
  await seedRepatriation(db);
  if (!options.demo) return;
  const missing = [];
  for (const user of demoUsers) if (!(await usernameExists(db, user.username))) missing.push(user);
  if (missing.length) {
    // Hashed side by side (argon2 runs on libuv's threads, not this one), stored in the list's order.
    const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
    await db.insert(users).values(missing.map((user, i) => ({ ...user, passwordHash: hashes[i]! })));
  }
  await seedRosters(db, options.now ?? new Date());
}
