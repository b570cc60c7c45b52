import { inArray } from 'drizzle-orm';
import type { Country, Role } from '@shared/auth.js';
import type { Executor } from '@server/core/db.js';
import { users } from '@server/db/schema/users.js';

/** Password of every demo account (README lists them). Fictional people, real roles. */
export const DEMO_PASSWORD = 'border-demo-2001';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  country: Country;
  agency: string;
  mechanismId: string | null;
}

export const demoUsers: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Alex Demo (admin)',
    role: 'admin',
    country: 'US',
    agency: 'Console administration',
    mechanismId: null,
  },
  {
    username: 'supervisor.mx',
    displayName: 'Marisol Ejemplo',
    role: 'supervisor',
    country: 'MX',
    agency: 'INM — Grupos Beta',
    mechanismId: null,
  },
  {
    username: 'supervisor.us',
    displayName: 'Dana Sample',
    role: 'supervisor',
    country: 'US',
    agency: 'U.S. Border Patrol',
    mechanismId: null,
  },
  {
    username: 'consul.tijuana',
    displayName: 'Rodrigo Ficticio',
    role: 'consular',
    country: 'MX',
    agency: 'Consulado General de México en San Diego',
    mechanismId: 'san-diego-tijuana',
  },
  {
    username: 'liaison.sandiego',
    displayName: 'Jordan Placeholder',
    role: 'liaison',
    country: 'US',
    agency: 'U.S. Border Patrol, San Diego Sector',
    mechanismId: 'san-diego-tijuana',
  },
  {
    username: 'central.us',
    displayName: 'Casey Central',
    role: 'central',
    country: 'US',
    agency: 'Washington central desk',
    mechanismId: null,
  },
  {
    username: 'central.mx',
    displayName: 'Lucía Central',
    role: 'central',
    country: 'MX',
    agency: 'Mesa central, Ciudad de México',
    mechanismId: null,
  },
];

/** Whether any demo account is in this database: their password is published in the README. */
export async function demoAccountsPresent(db: Executor): Promise<boolean> {
  const [found] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(
        users.username,
        demoUsers.map((u) => u.username),
      ),
    )
    .limit(1);
  return Boolean(found);
}
