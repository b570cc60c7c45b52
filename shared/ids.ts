import { z } from 'zod';

/*
 * Ids a request gives (paths, query strings, bodies). One rule everywhere: an id is
 * case-insensitive and is lower-cased before it is checked and used. Every id the console
 * stores is lower case (gen_random_uuid(), seeded slugs, generated area ids), so
 * `/api/incidents/<UPPER-CASE-UUID>/acknowledge` finds, records and answers the same
 * incident as the lower-case spelling — before, PostgreSQL matched the uuid while the
 * JavaScript comparisons did not, and the answer left out what was just recorded.
 */

/** The longest text id a request may give; the longest the console makes is ~60 characters. */
export const ID_MAX = 100;

/** A record keyed by a UUID (incidents, advisories, movements, search-and-rescue teams…), lower-cased. */
export function uuidId() {
  return z.uuid().toLowerCase();
}

/** Lower-case letters and digits in words joined by `-`, `_` or `.`: "san-ysidro", "san-diego-tijuana.bp-day-1". */
const TEXT_ID = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * A record keyed by text: seeded readable ids ("san-ysidro", "lra-arizona-sonora",
 * "san-diego-tijuana.bp-day-1", step "alert_other_side") or, for records made later, a UUID
 * written as text. Lower-cased, then checked.
 */
export function textId() {
  return z.string().max(ID_MAX, { abort: true }).toLowerCase().regex(TEXT_ID);
}
