import type { Executor } from '@server/core/db.js';
import { createUser, usernameExists } from '@server/core/users.js';
import { DEMO_PASSWORD, demoUsers } from './demo-users.js';
import { seedReference } from './reference.js';

/** Reference geography always; demo accounts only when asked. Safe to run on every start. */
export async function seed(db: Executor, options: { demo: boolean }): Promise<void> {
  await seedReference(db);
  if (!options.demo) return;
  for (const user of demoUsers) {
    if (!(await usernameExists(db, user.username))) await createUser(db, { ...user, password: DEMO_PASSWORD });
  }
}
