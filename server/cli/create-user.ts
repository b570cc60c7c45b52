import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { country, role } from '@shared/auth.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { runChange } from '@server/core/changes.js';
import { loadConfig } from '@server/core/config.js';
import { createUser } from '@server/core/users.js';

const usage = `npm run user:create -- --username NAME --role consular|liaison|supervisor|central|admin --country US|MX
    [--display-name "Full Name"] [--agency "Agency"] [--mechanism MECHANISM_ID]
The password is read from NEW_USER_PASSWORD, or asked for (not echoed).`;

const args = z.object({
  username: z.string().trim().min(1).max(64),
  role,
  country,
  'display-name': z.string().trim().min(1).optional(),
  agency: z.string().trim().min(1).optional(),
  mechanism: z.string().trim().min(1).optional(),
});

/** Asks without echoing what is typed. */
async function askPassword(): Promise<string> {
  let muted = false;
  const output = new Writable({
    write: (chunk, _enc, done) => {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const pending = rl.question('Password: ');
  muted = true;
  const password = await pending;
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      country: { type: 'string' },
      'display-name': { type: 'string' },
      agency: { type: 'string' },
      mechanism: { type: 'string' },
    },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') + `\n\n${usage}`);
    process.exit(2);
  }
  const password = process.env.NEW_USER_PASSWORD ?? (await askPassword());
  if (password.length < 12) {
    console.error('The password must have at least 12 characters.');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openPreparedDatabase(config, { seed: false, demo: false });
  try {
    const a = parsed.data;
    const user = await runChange(database.db, { id: null, username: 'cli:user:create' }, async (tx, record) => {
      const created = await createUser(tx, {
        username: a.username,
        displayName: a['display-name'] ?? a.username,
        password,
        role: a.role,
        country: a.country,
        agency: a.agency ?? '',
        mechanismId: a.mechanism ?? null,
      });
      record.audit({ action: 'user.create', entity: 'user', entityId: created.id, after: created });
      return created;
    });
    console.log(`Created ${user.username} (${user.role}, ${user.country}) on ${database.kind}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const duplicate =
    String((error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string }).code) === '23505';
  console.error(duplicate ? 'That username exists already.' : error);
  process.exit(1);
});
