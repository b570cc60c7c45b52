import { z } from 'zod';
import { bilingualText } from '@shared/errors.js';
import { textId, uuidId } from '@shared/ids.js';

/**
 * Emergency kinds with a checklist (Plan of Action V, Emergency Management and Response
 * Mechanisms): bomb threats and trans-border pursuit at crossing points and bridges; wildfires,
 * floods (rainstorms), heat waves and snow storms.
 */
export const checklistKinds = ['bomb_threat', 'pursuit', 'wildfire', 'flood', 'heat_wave', 'snow_storm'] as const;
export const checklistKind = z.enum(checklistKinds);
export type ChecklistKind = z.infer<typeof checklistKind>;

/** Which side holds jurisdiction over a step: each government acts on its own side of the line. */
export const jurisdictions = ['US', 'MX', 'both'] as const;
export const jurisdiction = z.enum(jurisdictions);
export type Jurisdiction = z.infer<typeof jurisdiction>;

export interface ProcedureStep {
  /** Stable within its kind: ticks and timeline entries name it. */
  id: string;
  jurisdiction: Jurisdiction;
}

/**
 * The console's default procedure for each kind, step by step (texts in ./messages.ts). It is
 * drawn from the Plan of Action for Cooperation on Border Safety (22 June 2001): V (early alert
 * between both governments, crossing points and bridges, weather emergencies, search and rescue,
 * weather advisories, injured persons), I (search-and-rescue plans, Grupo Beta and aerial
 * surveillance, safety campaigns) and III (investigations, Mérida MOU). Agencies' own orders
 * prevail where they differ.
 */
export const checklistProcedures = {
  bomb_threat: [
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'port_status', jurisdiction: 'both' },
    { id: 'evacuate_us', jurisdiction: 'US' },
    { id: 'evacuate_mx', jurisdiction: 'MX' },
    { id: 'search_own_side', jurisdiction: 'both' },
    { id: 'inform_central', jurisdiction: 'both' },
    { id: 'agree_reopening', jurisdiction: 'both' },
  ],
  pursuit: [
    { id: 'stop_at_line', jurisdiction: 'both' },
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'port_status', jurisdiction: 'both' },
    { id: 'us_side', jurisdiction: 'US' },
    { id: 'mx_side', jurisdiction: 'MX' },
    { id: 'injured', jurisdiction: 'both' },
    { id: 'consular_notice', jurisdiction: 'US' },
    { id: 'investigation', jurisdiction: 'both' },
  ],
  wildfire: [
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'advisory', jurisdiction: 'both' },
    { id: 'us_firefighting', jurisdiction: 'US' },
    { id: 'mx_firefighting', jurisdiction: 'MX' },
    { id: 'cross_border_crews', jurisdiction: 'both' },
    { id: 'search_routes', jurisdiction: 'both' },
    { id: 'port_status', jurisdiction: 'both' },
    { id: 'injured', jurisdiction: 'both' },
  ],
  flood: [
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'advisory', jurisdiction: 'both' },
    { id: 'crossings', jurisdiction: 'both' },
    { id: 'us_rescue', jurisdiction: 'US' },
    { id: 'mx_rescue', jurisdiction: 'MX' },
    { id: 'port_status', jurisdiction: 'both' },
    { id: 'missing_persons', jurisdiction: 'both' },
    { id: 'injured', jurisdiction: 'both' },
  ],
  heat_wave: [
    { id: 'advisory', jurisdiction: 'both' },
    { id: 'warn_migrants', jurisdiction: 'MX' },
    { id: 'us_patrols', jurisdiction: 'US' },
    { id: 'mx_grupo_beta', jurisdiction: 'MX' },
    { id: 'coordinate_rescue', jurisdiction: 'both' },
    { id: 'injured', jurisdiction: 'both' },
    { id: 'consular_notice', jurisdiction: 'US' },
  ],
  snow_storm: [
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'advisory', jurisdiction: 'both' },
    { id: 'port_status', jurisdiction: 'both' },
    { id: 'us_rescue', jurisdiction: 'US' },
    { id: 'mx_rescue', jurisdiction: 'MX' },
    { id: 'shelter', jurisdiction: 'both' },
    { id: 'injured', jurisdiction: 'both' },
  ],
} as const satisfies Record<ChecklistKind, readonly ProcedureStep[]>;

export type StepId<K extends ChecklistKind = ChecklistKind> = (typeof checklistProcedures)[K][number]['id'];

/** `POST /api/incidents/:id/checklists`: start the checklist of one kind on the incident. */
export const startChecklistBody = z.object({ kind: checklistKind });
export type StartChecklistBody = z.infer<typeof startChecklistBody>;

/** `PUT /api/incidents/:id/checklists/:kind/steps/:stepId`: tick (`done: true`) or untick a step. */
export const tickStepBody = z.object({ done: z.boolean() });
export type TickStepBody = z.infer<typeof tickStepBody>;

/** The path of a step: the incident, the checklist's kind and the step's id within it ("alert_other_side"). */
export const stepParams = z.object({ id: uuidId(), kind: checklistKind, stepId: textId() });

export const checklistStep = z.object({
  id: z.string(),
  /** The step in both languages, for programs; the console shows the reader's. */
  text: bilingualText,
  jurisdiction,
  done: z.boolean(),
  /** Who ticked it and when (null while not done). */
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type ChecklistStep = z.infer<typeof checklistStep>;

export const checklist = z.object({
  id: z.string().uuid(),
  incidentId: z.string().uuid(),
  kind: checklistKind,
  startedBy: z.string(),
  startedAt: z.string(),
  steps: z.array(checklistStep),
});
export type Checklist = z.infer<typeof checklist>;

/** `GET /api/incidents/:id/checklists`: the incident's checklists and the kinds its type suggests. */
export const incidentChecklists = z.object({
  checklists: z.array(checklist),
  suggested: z.array(checklistKind),
  /** Why nothing can be ticked (a closed incident), in both languages; null when it can. */
  readOnlyReason: bilingualText.nullable(),
});
export type IncidentChecklists = z.infer<typeof incidentChecklists>;
