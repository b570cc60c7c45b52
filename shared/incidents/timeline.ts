import { z } from 'zod';
import { country } from '@shared/auth.js';
import { alertTier, incidentStatus, incidentType, investigationStatus, people, severity } from './vocabulary.js';

/**
 * One kind of entry on an incident's timeline: what every entry has (who, when, an optional
 * text) and the `data` its kind records. Entries are ordered by `id`, the order they were written.
 */
const entryOf = <const K extends string, D extends z.ZodType>(kind: K, data: D) =>
  z.object({
    id: z.string(),
    kind: z.literal(kind),
    text: z.string().nullable(),
    data,
    by: z.string(),
    at: z.string(),
  });

/** The entry schema of each kind, from the schema of its `data`. */
export type TimelineKinds<Data extends Record<string, z.ZodType>> = {
  [K in keyof Data & string]: ReturnType<typeof entryOf<K, Data[K]>>;
};

/**
 * A feature's timeline entry kinds (`shared/<feature>/timeline.ts`), each with the zod schema
 * of its `data`. The incident timeline takes every feature's (composed in shared/timeline.ts):
 * the incident page is their host and knows none of them. Kinds and `data` fields are stored
 * and read by programs outside this repository: add, never rename.
 */
export function timelineKinds<const Data extends Record<string, z.ZodType>>(data: Data): TimelineKinds<Data> {
  const kinds = Object.entries(data).map(([kind, schema]) => [kind, entryOf(kind, schema)]);
  return Object.fromEntries(kinds) as TimelineKinds<Data>;
}

const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

/** The incident's own steps on its timeline. */
export const incidentTimelineKinds = timelineKinds({
  /** The report; its text is the summary as reported. */
  reported: z.object({ type: incidentType, severity, exercise: z.boolean().optional() }),
  status: change(incidentStatus),
  severity: change(severity),
  people: change(people),
  /** Its text is the new summary. */
  summary: z.object({}),
  /** Its text is the note. */
  note: z.object({}),
  /**
   * One government's acknowledgement, however many running alerts (`tiers`) it covered.
   * Entries written before 30 November 2026 named one alert's `tier` instead.
   */
  acknowledged: z.object({ government: country, tiers: z.array(alertTier).optional() }),
  /** The console escalated the alert at its deadline; `pending`: the governments that had not acknowledged. */
  escalated: z.object({ pending: z.array(country) }),
  /** The investigation recorded or updated; its text is the notes. */
  investigation: z.object({ leadAgency: z.string(), caseReference: z.string(), status: investigationStatus }),
});
