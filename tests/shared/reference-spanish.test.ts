import { describe, expect, it } from 'vitest';
import { mechanismName } from '@shared/reference/place.js';
import { interiorMechanisms } from '@seeds/liaison/mechanisms.js';
import { areaRows, mechanismRows, portRows, stationRows } from '@seeds/reference.js';

/**
 * English words that the reference file writes in its descriptions and that a Spanish reader
 * saw inside port names (issue 23: "(Bridges I and II)", "Colombia bridge lands in Anáhuac
 * municipality…"). Whole words, any case; "área" and "Parque" are not matches.
 */
const ENGLISH = /\b(bridges?|lands|municipality|and|downtown|nearby|area|formerly|until|airport|pedestrian|park)\b/i;

/** Every text a Spanish reader sees of the seeded reference data, with where it comes from. */
const spanishTexts: Array<[string, string]> = [
  // A port is "Piedras Negras – Eagle Pass" in Spanish: both sides' names are read as they are.
  ...portRows().map((p): [string, string] => [`port ${p.id}`, `${p.mxName} – ${p.usName}`]),
  ...[...mechanismRows(), ...interiorMechanisms].map((m): [string, string] => [
    `mechanism ${m.id}`,
    mechanismName({ id: m.id, usCity: m.usCity, mxCity: m.mxCity }).es,
  ]),
  ...stationRows().map((s): [string, string] => [`station ${s.id}`, s.name]),
  ...areaRows().flatMap((a): Array<[string, string]> => [
    [`area ${a.id} name`, a.nameEs],
    [`area ${a.id} hazard`, a.hazardEs],
    [`area ${a.id} season`, a.seasonEs],
  ]),
];

describe('seeded reference data in Spanish (issue 23)', () => {
  it.each(spanishTexts)('%s has no English words: %s', (_where, text) => {
    expect(text).not.toMatch(ENGLISH);
  });

  it('keeps the reference’s wording of a renamed port in its notes', () => {
    const laredo = portRows().find((p) => p.id === 'laredo')!;
    expect([laredo.usName, laredo.mxName]).toEqual(['Laredo', 'Nuevo Laredo']);
    expect(laredo.notes).toContain('Colombia bridge lands in Anáhuac municipality, Nuevo León');
    expect(laredo.approx).toBe(true);
    expect(laredo.sources.length).toBeGreaterThan(0);
  });
});
