import { describe, expect, it } from 'vitest';
import { startupMessage, startupProgress } from '@server/startup.js';

describe('what npm start says while it starts', () => {
  it('one line per step, with the seconds since the process started, in the log format asked for', () => {
    const lines: string[] = [];
    startupProgress({ logLevel: 'info', logFormat: 'text' }, (line) => lines.push(line))('migrating…');
    startupProgress({ logLevel: 'info', logFormat: 'json' }, (line) => lines.push(line))('seeding reference data…');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}migrating… \(\d+\.\d s\)\n$/);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^seeding reference data… \(\d+\.\d s\)$/),
    });
  });

  it('stays quiet when LOG_LEVEL asks for warnings only, and says how long the start took', () => {
    const lines: string[] = [];
    startupProgress({ logLevel: 'warn', logFormat: 'text' }, (line) => lines.push(line))('migrating…');
    expect(lines).toEqual([]);
    const ready = { host: '127.0.0.1', port: 3000, database: 'PGlite', demoAccounts: false, demoIncidentsSeeded: 0 };
    expect(startupMessage({ ...ready, readySeconds: '4.2' })).toMatch(/ · ready in 4\.2 s$/);
  });
});
