import type { BilingualText } from '@shared/errors.js';
import type { IncidentType } from '@shared/incidents/contract.js';
import {
  checklistProcedures,
  checklistSources,
  type ChecklistKind,
  type ChecklistStep,
  type Jurisdiction,
  type ProcedureBasis,
} from './contract.js';
import { checklistStepTexts } from './messages.js';

/**
 * The checklists each incident type suggests, the fitting one first (the console preselects it).
 * A type no checklist fits suggests none, and nothing is preselected: a wrong procedure is worse
 * than none. Any kind may still be started by hand. Every type is listed, so a new one must
 * decide here.
 */
const suggestions = {
  migrant_distress: ['migrant_distress'],
  // A drowning with a death goes on to the death checklist; the drowning one says when.
  drowning: ['drowning'],
  // The person first; the heat-wave measures (advisories, patrols) for the days around it.
  heat_exposure: ['heat_exposure', 'heat_wave'],
  death: ['death'],
  violence_against_migrants: ['violence_against_migrants'],
  // Plan of Action III: migrants held by civilians are victims of border violence (Mérida MOU).
  civilian_detention: ['violence_against_migrants'],
  // Plan of Action V: emergencies at crossing points and bridges.
  bomb_threat: ['bomb_threat'],
  trans_border_pursuit: ['pursuit'],
  // Plan of Action V: the weather kinds, for the officer to choose from.
  weather_emergency: ['heat_wave', 'wildfire', 'flood', 'snow_storm'],
  // No default procedure fits these yet.
  assault_on_officers: [],
  incursion: [],
  smuggling: [],
  other: [],
} as const satisfies Record<IncidentType, readonly ChecklistKind[]>;

/** The checklists an incident of this type suggests, the fitting one first; none when none fits. */
export function suggestedChecklists(type: IncidentType): ChecklistKind[] {
  return [...suggestions[type]];
}

/** The sources a kind's default procedure follows. */
export function sourcesOf(kind: ChecklistKind): readonly ProcedureBasis[] {
  return checklistSources[kind];
}

/** The steps of a kind's default procedure, in order. */
export function procedureOf(kind: ChecklistKind): readonly { id: string; jurisdiction: Jurisdiction }[] {
  return checklistProcedures[kind];
}

/** A step's text in both languages, or null when the kind has no such step. */
export function stepText(kind: ChecklistKind, stepId: string): BilingualText | null {
  const texts: Record<string, BilingualText> = checklistStepTexts[kind];
  return Object.hasOwn(texts, stepId) ? texts[stepId]! : null;
}

export interface Tick {
  stepId: string;
  by: string;
  at: string;
}

/** The procedure's steps with what has been ticked; ticks of steps no longer in the procedure are left out. */
export function stepsWithTicks(kind: ChecklistKind, ticks: readonly Tick[]): ChecklistStep[] {
  const byStep = new Map(ticks.map((tick) => [tick.stepId, tick]));
  return procedureOf(kind).map((step) => {
    const tick = byStep.get(step.id);
    return {
      id: step.id,
      text: stepText(kind, step.id)!,
      jurisdiction: step.jurisdiction,
      done: Boolean(tick),
      by: tick?.by ?? null,
      at: tick?.at ?? null,
    };
  });
}

/** How far a checklist is: steps done out of all. */
export function progressOf(steps: readonly Pick<ChecklistStep, 'done'>[]): { done: number; total: number } {
  return { done: steps.filter((s) => s.done).length, total: steps.length };
}
