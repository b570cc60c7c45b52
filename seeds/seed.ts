import type { Executor } from '@server/core/db.js';
import { createUser, usernameExists } from '@server/core/users.js';
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
  for (const user of demoUsers) {
    if (!(await usernameExists(db, user.username))) await createUser(db, { ...user, password: DEMO_PASSWORD });
  }
  await seedRosters(db, options.now ?? new Date());
}
