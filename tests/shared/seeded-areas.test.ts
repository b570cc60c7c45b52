import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followsRightHandRule, type PolygonalShape } from '@shared/polygon.js';
import { areaRows } from '@seeds/reference.js';

const referenceAreas = (
  JSON.parse(readFileSync(new URL('../../seeds/border-reference.json', import.meta.url), 'utf8')) as {
    highRiskAreas: Array<{ id: string; geometry: PolygonalShape }>;
  }
).highRiskAreas;

describe('seeded high-risk areas', () => {
  it('are stored as the API stores a drawn area: outer rings counter-clockwise (RFC 7946 §3.1.6)', () => {
    // Most of the reference file's rings run clockwise: seeding turns them, as the API would.
    expect(referenceAreas.filter((a) => !followsRightHandRule(a.geometry)).length).toBeGreaterThan(0);
    for (const row of areaRows()) expect(followsRightHandRule(row.geometry), row.id).toBe(true);
  });
});
