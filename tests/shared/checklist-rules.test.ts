import { describe, expect, it } from 'vitest';
import { checklistKinds, checklistProcedures } from '@shared/checklists/contract.js';
import { checklistStepTexts } from '@shared/checklists/messages.js';
import { progressOf, stepText, stepsWithTicks, suggestedChecklists } from '@shared/checklists/rules.js';
import { incidentTypes, type IncidentType } from '@shared/incidents/contract.js';

describe('checklist rules', () => {
  it.each<[IncidentType, string[]]>([
    ['bomb_threat', ['bomb_threat']],
    ['trans_border_pursuit', ['pursuit']],
    ['heat_exposure', ['heat_wave']],
    ['weather_emergency', ['heat_wave', 'wildfire', 'flood', 'snow_storm']],
    ['smuggling', []],
    ['drowning', []],
  ])('suggests for a %s incident: %j', (type, kinds) => {
    expect(suggestedChecklists(type)).toEqual(kinds);
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
