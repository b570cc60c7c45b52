import { z } from 'zod';
import { bilingualText } from '@shared/errors.js';
import { textId, uuidId } from '@shared/ids.js';

/**
 * Emergency kinds with a checklist. First the border's most frequent emergencies, the ones the
 * agreements were written for (Plan of Action I and III; Oaxaca 1999: deaths, drownings, heat,
 * violence against migrants); then the Emergency Management and Response Mechanisms of Plan of
 * Action V: bomb threats and trans-border pursuit at crossing points and bridges; wildfires,
 * floods (rainstorms), heat waves and snow storms. Add, never rename (a database enum).
 */
export const checklistKinds = [
  'migrant_distress',
  'drowning',
  'heat_exposure',
  'death',
  'violence_against_migrants',
  'bomb_threat',
  'pursuit',
  'wildfire',
  'flood',
  'heat_wave',
  'snow_storm',
] as const;
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
 * The console's default procedure for each kind, step by step (texts in ./messages.ts), each
 * step held by the side with jurisdiction over it. Each follows the sources `checklistSources`
 * names: the agreements (shared/reference/source-documents) and well-known public procedures.
 * Agencies' own orders prevail where they differ.
 */
export const checklistProcedures = {
  // Plan of Action I (search and rescue, Grupo Beta), V (early alert, injured persons), VI.
  migrant_distress: [
    { id: 'locate', jurisdiction: 'both' },
    { id: 'us_rescue', jurisdiction: 'US' },
    { id: 'mx_rescue', jurisdiction: 'MX' },
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'medical', jurisdiction: 'both' },
    { id: 'companions', jurisdiction: 'both' },
    { id: 'consular_notice', jurisdiction: 'US' },
    { id: 'repatriation', jurisdiction: 'both' },
    { id: 'record_people', jurisdiction: 'both' },
  ],
  // Plan of Action I (All-American Canal, Rio Grande); the river is the line, so who goes in is agreed.
  drowning: [
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'us_water_rescue', jurisdiction: 'US' },
    { id: 'mx_water_rescue', jurisdiction: 'MX' },
    { id: 'in_the_channel', jurisdiction: 'both' },
    { id: 'flows', jurisdiction: 'both' },
    { id: 'injured', jurisdiction: 'both' },
    { id: 'search_downstream', jurisdiction: 'both' },
    { id: 'identification', jurisdiction: 'both' },
    { id: 'consular_notice', jurisdiction: 'US' },
  ],
  // Plan of Action I (Western Arizona deserts, aerial surveillance, Grupo Beta), V (injured persons).
  heat_exposure: [
    { id: 'locate', jurisdiction: 'both' },
    { id: 'us_rescue', jurisdiction: 'US' },
    { id: 'mx_rescue', jurisdiction: 'MX' },
    { id: 'cooling', jurisdiction: 'both' },
    { id: 'ems', jurisdiction: 'both' },
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'beacons', jurisdiction: 'US' },
    { id: 'consular_notice', jurisdiction: 'US' },
    { id: 'record_people', jurisdiction: 'both' },
  ],
  // Each side's death investigation on its own side; consular notification of a death (Vienna art. 37).
  death: [
    { id: 'scene', jurisdiction: 'both' },
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'us_examiner', jurisdiction: 'US' },
    { id: 'mx_semefo', jurisdiction: 'MX' },
    { id: 'identification', jurisdiction: 'both' },
    { id: 'consular_notice', jurisdiction: 'US' },
    { id: 'family', jurisdiction: 'both' },
    { id: 'remains', jurisdiction: 'MX' },
    { id: 'investigation', jurisdiction: 'both' },
    { id: 'record_people', jurisdiction: 'both' },
  ],
  // Plan of Action III and the Mérida MOU (1999) with its Guidelines (2000): consuls and U.S. Attorneys.
  violence_against_migrants: [
    { id: 'medical', jurisdiction: 'both' },
    { id: 'alert_other_side', jurisdiction: 'both' },
    { id: 'evidence', jurisdiction: 'both' },
    { id: 'us_investigation', jurisdiction: 'US' },
    { id: 'mx_investigation', jurisdiction: 'MX' },
    { id: 'consular_notice', jurisdiction: 'US' },
    { id: 'investigation_record', jurisdiction: 'both' },
    { id: 'follow_up', jurisdiction: 'both' },
  ],
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

/**
 * What the default procedures follow: the agreements in shared/reference/source-documents and
 * well-known public procedures, named (titles in ./messages.ts, `procedureSource.<id>`).
 */
export const procedureSources = [
  'plan_of_action',
  'merida_mou',
  'oaxaca_1999',
  'repatriation_arrangements',
  'vienna_convention',
  'consular_convention',
  'border_safety_initiative',
  'grupo_beta',
  'ibwc_cila',
  'heat_illness_first_aid',
  'death_investigation',
] as const;
export type ProcedureSource = (typeof procedureSources)[number];

/** One source of a procedure; `sections` are the Plan of Action's (roman numerals read the same in both languages). */
export interface ProcedureBasis {
  source: ProcedureSource;
  sections?: readonly string[];
}

/** The sources each kind's default procedure follows, the agreement first. */
export const checklistSources = {
  migrant_distress: [
    { source: 'plan_of_action', sections: ['I', 'V', 'VI'] },
    { source: 'border_safety_initiative' },
    { source: 'grupo_beta' },
    { source: 'vienna_convention' },
    { source: 'repatriation_arrangements' },
  ],
  drowning: [
    { source: 'plan_of_action', sections: ['I', 'V'] },
    { source: 'oaxaca_1999' },
    { source: 'border_safety_initiative' },
    { source: 'grupo_beta' },
    { source: 'ibwc_cila' },
    { source: 'vienna_convention' },
  ],
  heat_exposure: [
    { source: 'plan_of_action', sections: ['I', 'V'] },
    { source: 'oaxaca_1999' },
    { source: 'border_safety_initiative' },
    { source: 'grupo_beta' },
    { source: 'heat_illness_first_aid' },
    { source: 'vienna_convention' },
  ],
  death: [
    { source: 'plan_of_action', sections: ['III', 'V'] },
    { source: 'merida_mou' },
    { source: 'oaxaca_1999' },
    { source: 'death_investigation' },
    { source: 'vienna_convention' },
    { source: 'consular_convention' },
  ],
  violence_against_migrants: [
    { source: 'plan_of_action', sections: ['III', 'V'] },
    { source: 'merida_mou' },
    { source: 'oaxaca_1999' },
    { source: 'vienna_convention' },
  ],
  bomb_threat: [{ source: 'plan_of_action', sections: ['V'] }],
  pursuit: [
    { source: 'plan_of_action', sections: ['III', 'V'] },
    { source: 'merida_mou' },
    { source: 'vienna_convention' },
  ],
  wildfire: [{ source: 'plan_of_action', sections: ['I', 'V'] }],
  flood: [
    { source: 'plan_of_action', sections: ['I', 'V'] },
    { source: 'border_safety_initiative' },
    { source: 'grupo_beta' },
  ],
  heat_wave: [
    { source: 'plan_of_action', sections: ['I', 'V'] },
    { source: 'border_safety_initiative' },
    { source: 'grupo_beta' },
    { source: 'vienna_convention' },
  ],
  snow_storm: [{ source: 'plan_of_action', sections: ['V'] }, { source: 'grupo_beta' }],
} as const satisfies Record<ChecklistKind, readonly ProcedureBasis[]>;

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
