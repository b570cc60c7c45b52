import type { BilingualText } from '@shared/errors.js';
import type { IncidentType } from '@shared/incidents/contract.js';
import { checklistProcedures, type ChecklistKind, type ChecklistStep, type Jurisdiction } from './contract.js';
import { checklistStepTexts } from './messages.js';

/**
 * The checklists an incident of this type suggests (Plan of Action V): the emergency at a
 * crossing point it names, or, for a weather emergency, the weather kinds for the officer to
 * choose from. Other incident types suggest none; any kind may still be started.
 */
export function suggestedChecklists(type: IncidentType): ChecklistKind[] {
  switch (type) {
    case 'bomb_threat':
      return ['bomb_threat'];
    case 'trans_border_pursuit':
      return ['pursuit'];
    case 'heat_exposure':
      return ['heat_wave'];
    case 'weather_emergency':
      return ['heat_wave', 'wildfire', 'flood', 'snow_storm'];
    default:
      return [];
  }
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
