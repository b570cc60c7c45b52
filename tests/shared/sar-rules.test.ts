import { describe, expect, it } from 'vitest';
import { closeSarBody, sectorBody } from '@shared/sar/contract.js';
import { nextSectorStatuses, sarWriteRefusal } from '@shared/sar/rules.js';

describe('search-and-rescue rules', () => {
  it.each([
    [null, 'responding', null],
    [{ status: 'open' as const }, 'responding', null],
    [{ status: 'closed' as const }, 'responding', 'operationClosed'],
    [{ status: 'open' as const }, 'closed', 'incidentClosed'],
    [null, 'closed', 'incidentClosed'],
  ])('an operation %j on a %s incident: %s', (operation, incidentStatus, refusal) => {
    expect(sarWriteRefusal(operation, incidentStatus)).toBe(refusal);
  });

  it('offers the sector statuses other than the current one, in working order', () => {
    expect(nextSectorStatuses('assigned')).toEqual(['searched', 'cleared']);
    expect(nextSectorStatuses('searched')).toEqual(['assigned', 'cleared']);
  });

  it('needs a reason to call a search off, and a sector that does not cross itself', () => {
    expect(closeSarBody.safeParse({ outcome: 'called_off' }).success).toBe(false);
    expect(closeSarBody.safeParse({ outcome: 'called_off', note: 'Storm' }).success).toBe(true);
    expect(closeSarBody.safeParse({ outcome: 'not_found' }).success).toBe(true);
    const ring = [
      [-117, 32.5],
      [-116.9, 32.6],
      [-116.9, 32.5],
      [-117, 32.65],
      [-117, 32.5],
    ];
    const crossing = sectorBody.safeParse({ name: 'B', polygon: { type: 'Polygon', coordinates: [ring] } });
    expect(crossing.success).toBe(false);
    expect(crossing.error?.issues[0]?.path).toEqual(['polygon', 'coordinates']);
  });
});
