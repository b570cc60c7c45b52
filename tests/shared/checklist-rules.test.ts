import { describe, expect, it } from 'vitest';
import {
  checklistKinds,
  checklistProcedures,
  procedureSources,
  type ChecklistKind,
} from '@shared/checklists/contract.js';
import { checklistStepTexts } from '@shared/checklists/messages.js';
import { progressOf, sourcesOf, stepText, stepsWithTicks, suggestedChecklists } from '@shared/checklists/rules.js';
import { incidentTypes, type IncidentType } from '@shared/incidents/contract.js';

/** The border's most frequent emergencies (issue #23) and the checklist each has of its own. */
const borderEmergencies: [IncidentType, ChecklistKind][] = [
  ['migrant_distress', 'migrant_distress'],
  ['drowning', 'drowning'],
  ['heat_exposure', 'heat_exposure'],
  ['death', 'death'],
  ['violence_against_migrants', 'violence_against_migrants'],
];

describe('checklist rules', () => {
  it.each<[IncidentType, string[]]>([
    ['bomb_threat', ['bomb_threat']],
    ['trans_border_pursuit', ['pursuit']],
    ['heat_exposure', ['heat_exposure', 'heat_wave']],
    ['weather_emergency', ['heat_wave', 'wildfire', 'flood', 'snow_storm']],
    ['civilian_detention', ['violence_against_migrants']],
    ['smuggling', []],
    ['assault_on_officers', []],
    ['incursion', []],
    ['other', []],
  ])('suggests for a %s incident: %j', (type, kinds) => {
    expect(suggestedChecklists(type)).toEqual(kinds);
  });

  it.each(borderEmergencies)(
    'each of the border’s emergency types suggests its own checklist and never bomb threat: %s',
    (type, kind) => {
      const suggested = suggestedChecklists(type);
      // The first is the one the console preselects.
      expect(suggested[0]).toBe(kind);
      expect(suggested).not.toContain('bomb_threat');
    },
  );

  it('suggests bomb threat only for a bomb threat', () => {
    const suggesting = incidentTypes.filter((type) => suggestedChecklists(type).includes('bomb_threat'));
    expect(suggesting).toEqual(['bomb_threat']);
  });

  it('suggests only kinds that exist, for every incident type', () => {
    for (const type of incidentTypes) expect(checklistKinds).toEqual(expect.arrayContaining(suggestedChecklists(type)));
  });

  it('gives every step of every procedure a text in both languages and a side, ids unique within the kind', () => {
    for (const kind of checklistKinds) {
      const ids = checklistProcedures[kind].map((s) => s.id);
      expect(new Set(ids).size, kind).toBe(ids.length);
      expect(Object.keys(checklistStepTexts[kind]).sort(), kind).toEqual([...ids].sort());
      for (const id of ids) {
        const text = stepText(kind, id)!;
        expect(text.en.trim(), `${kind}.${id}`).not.toBe('');
        expect(text.es.trim(), `${kind}.${id}`).not.toBe('');
        expect(text.es, `${kind}.${id}`).not.toBe(text.en);
      }
      // Each procedure has something for both governments to do together.
      expect(
        checklistProcedures[kind].some((s) => s.jurisdiction === 'both'),
        kind,
      ).toBe(true);
    }
  });

  it('names the sources every procedure follows, the Plan of Action first, with its sections', () => {
    for (const kind of checklistKinds) {
      const sources = sourcesOf(kind);
      expect(sources[0], kind).toMatchObject({ source: 'plan_of_action', sections: expect.any(Array) });
      for (const { source } of sources) expect(procedureSources, kind).toContain(source);
    }
    expect(sourcesOf('violence_against_migrants').map((s) => s.source)).toContain('merida_mou');
    expect(sourcesOf('death').map((s) => s.source)).toContain('vienna_convention');
  });

  it('gives each of the border’s emergencies steps for both sides, and consular notification', () => {
    for (const [, kind] of borderEmergencies) {
      const sides = new Set(checklistProcedures[kind].map((s) => s.jurisdiction));
      expect([...sides].sort(), kind).toEqual(['MX', 'US', 'both']);
      expect(
        checklistProcedures[kind].some((s) => s.id === 'consular_notice'),
        kind,
      ).toBe(true);
    }
  });

  it('knows no step outside the procedure (nor inherited names)', () => {
    expect(stepText('flood', 'evacuate_us')).toBeNull();
    expect(stepText('flood', 'toString')).toBeNull();
    expect(stepText('bomb_threat', 'evacuate_us')).not.toBeNull();
  });

  it('lays ticks over the procedure in its order, and counts progress', () => {
    const steps = stepsWithTicks('heat_wave', [
      { stepId: 'injured', by: 'Rodrigo', at: '2026-07-04T20:00:00.000Z' },
      { stepId: 'gone_from_the_procedure', by: 'Dana', at: '2026-07-04T20:01:00.000Z' },
    ]);
    expect(steps.map((s) => s.id)).toEqual(checklistProcedures.heat_wave.map((s) => s.id));
    expect(steps.find((s) => s.id === 'injured')).toMatchObject({ done: true, by: 'Rodrigo' });
    expect(steps.find((s) => s.id === 'advisory')).toMatchObject({ done: false, by: null, at: null });
    expect(progressOf(steps)).toEqual({ done: 1, total: steps.length });
  });
});
