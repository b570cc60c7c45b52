import type { z } from 'zod';
import type { BilingualText } from '@shared/errors.js';

/** One kind of due work: what its payload holds, and what the work is in both languages of the console. */
export interface DueWorkKindSpec {
  /** Checked when the work is scheduled and again when it runs: a row that doesn't parse is set aside. */
  payload: z.ZodType<Record<string, unknown>>;
  /** What the work is, for the administrators' list of work set aside. */
  label: BilingualText;
}

export type DueWorkCatalogue = Readonly<Record<string, DueWorkKindSpec>>;

/** A feature's due-work kinds, with their literal names kept (shared/due-work/catalogue.ts composes them). */
export const defineDueWork = <const C extends DueWorkCatalogue>(kinds: C): C => kinds;
