import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The architecture boundaries of eslint.config.js, proven to fail: each case lints a small
 * file that exists only in memory, placed where a careless import would be, and expects the
 * boundaries rule to refuse it — or, for the allowed ways in, to accept it. What the cases
 * import on the client are files every layout of it keeps: a feature's manifest and one of
 * its components (incidents, the worked example), the shell, the session. Nothing is written.
 */
describe('architecture boundaries (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: root });

  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
    return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
  }

  const refused: Array<[string, string, string]> = [
    [
      'shared imports the server',
      'shared/incidents/x.ts',
      "import { buildApp } from '@server/app.js';\nexport const x = buildApp;\n",
    ],
    [
      'shared imports the client',
      'shared/x.ts',
      "import { useUser } from '@client/lib/session.js';\nexport const x = useUser;\n",
    ],
    [
      'server core imports a feature',
      'server/core/x.ts',
      "import incidents from '@server/features/incidents/index.js';\nexport const x = incidents;\n",
    ],
    [
      'server core imports a feature’s table',
      'server/core/x.ts',
      "import { alerts } from '@server/db/schema/alerts.js';\nexport const x = alerts;\n",
    ],
    [
      'a feature imports another feature’s internals',
      'server/features/alerts/x.ts',
      "import { IncidentService } from '../incidents/service.js';\nexport const x = IncidentService;\n",
    ],
    [
      'a feature reads another feature’s table',
      'server/features/alerts/x.ts',
      "import { incidents } from '@server/db/schema/incidents.js';\nexport const x = incidents;\n",
    ],
    [
      'the app wires a feature by its internals',
      'server/x.ts',
      "import { incidentRoutes } from './features/incidents/routes.js';\nexport const x = incidentRoutes;\n",
    ],
    [
      'seeds import a feature',
      'seeds/x.ts',
      "import { authenticate } from '@server/features/auth/service.js';\nexport const x = authenticate;\n",
    ],
    [
      'the client imports the server',
      'client/src/lib/x.ts',
      "import { loadConfig } from '@server/core/config.js';\nexport const x = loadConfig;\n",
    ],
    [
      'the client imports server types',
      'client/src/features/incidents/x.ts',
      "import type { Config } from '@server/core/config.js';\nexport type X = Config;\n",
    ],
    [
      'a client feature imports app/',
      'client/src/features/map/x.ts',
      "import { Shell } from '../../app/shell.js';\nexport const x = Shell;\n",
    ],
    [
      'a client feature imports another feature’s internals',
      'client/src/features/map/x.ts',
      "import { PlaceLine } from '../incidents/components/place-line.js';\nexport const x = PlaceLine;\n",
    ],
    [
      'app/ imports a feature’s internals lazily',
      'client/src/app/x.ts',
      "export const page = () => import('../features/incidents/components/place-line.js');\n",
    ],
    [
      'lib/ imports a feature',
      'client/src/lib/x.ts',
      "import { PlaceLine } from '../features/incidents/components/place-line.js';\nexport const x = PlaceLine;\n",
    ],
    [
      'the incident page imports an add-on, even its manifest (add-ons fill its slots)',
      'client/src/features/incidents/x.ts',
      "import { sarManifest } from '../sar/index.js';\nexport const x = sarManifest;\n",
    ],
    [
      'the incident contract imports an add-on’s (the timeline kinds are composed in shared/timeline.ts)',
      'shared/incidents/x.ts',
      "import { checklistTimelineKinds } from '../checklists/timeline.js';\nexport const x = checklistTimelineKinds;\n",
    ],
    [
      'the incidents plugin imports an add-on’s',
      'server/features/incidents/x.ts',
      "import sar from '@server/features/sar/index.js';\nexport const x = sar;\n",
    ],
  ];

  it.each(refused)('refuses: %s', async (_case, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toHaveLength(1);
  });

  const allowed: Array<[string, string, string]> = [
    [
      'a feature uses another feature’s public API, core, and its own tables and files',
      'server/features/alerts/x.ts',
      [
        "import type { GeographyApi } from '@server/features/reference/index.js';",
        "import { runChange } from '@server/core/changes.js';",
        "import { alerts } from '@server/db/schema/alerts.js';",
        "import { users } from '@server/db/schema/users.js';",
        "import { raiseAlert } from './service.js';",
        "import { pendingGovernments } from '@shared/incidents/rules.js';",
        'export const x = [runChange, alerts, users, raiseAlert, pendingGovernments];',
        'export type G = GeographyApi;',
      ].join('\n'),
    ],
    [
      'app/ composes a feature by its manifest',
      'client/src/app/x.ts',
      "import { incidentsManifest } from '../features/incidents/index.js';\nexport const x = incidentsManifest;\n",
    ],
    [
      'seeds write tables through core',
      'seeds/x.ts',
      "import { createUser } from '@server/core/users.js';\nimport { ports } from '@server/db/schema/reference.js';\nexport const x = [createUser, ports];\n",
    ],
    [
      'a client feature uses shared, lib and another feature’s index.ts',
      'client/src/features/map/x.ts',
      [
        "import { can } from '@shared/permissions.js';",
        "import { useUser } from '../../lib/session.js';",
        "import { incidentsManifest } from '../incidents/index.js';",
        'export const x = [can, useUser, incidentsManifest];',
      ].join('\n'),
    ],
    [
      'an add-on builds on the incident it hangs on',
      'client/src/features/sar/x.ts',
      [
        "import { incidentIdParams } from '@shared/incidents/contract.js';",
        "import { incidentsManifest } from '../incidents/index.js';",
        'export const x = [incidentIdParams, incidentsManifest];',
      ].join('\n'),
    ],
  ];

  it.each(allowed)('allows: %s', async (_case, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
}, 60_000);
