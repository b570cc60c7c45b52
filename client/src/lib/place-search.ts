/**
 * Place search as pure functions (the map's, the report form's, who to call's): towns of the
 * basemap and every overlay's named features (ports, high-risk areas, stations, mechanisms),
 * found by any of their names in either language, with or without accents.
 */

export interface SearchEntry {
  /** Unique across entries: `town:<name>@<lon>,<lat>` or `<overlayId>:<featureId>`. */
  key: string;
  /** What the list shows, in the reader's language: the name, and what kind of place it is. */
  label: string;
  detail: string;
  /** Every name it may be typed as: both languages, the other side's name. */
  names: readonly string[];
  longitude: number;
  latitude: number;
  bounds?: readonly [number, number, number, number];
  /** Breaks ties between equally good matches: a city's population, a feature's importance. */
  weight: number;
  /** The overlay and feature to open once there; absent for a town. */
  overlayId?: string;
  featureId?: string;
}

/** Lower case, no accents or punctuation, single spaces: "Río Bravo" and "rio  bravo" match. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 0 exact, 1 starts with, 2 a word starts with, 3 contains; null no match. */
function matchScore(name: string, query: string): number | null {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(` ${query}`)) return 2;
  if (name.includes(query)) return 3;
  return null;
}

export interface SearchIndex {
  entries: readonly SearchEntry[];
  normalised: readonly (readonly string[])[];
}

export function searchIndex(entries: readonly SearchEntry[]): SearchIndex {
  return { entries, normalised: entries.map((e) => e.names.map(normalise)) };
}

/** The best matches first: how well a name matches, then weight, then the label's alphabetical order. */
export function searchPlaces(index: SearchIndex, query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  index.entries.forEach((entry, i) => {
    let best: number | null = null;
    for (const name of index.normalised[i]!) {
      const score = matchScore(name, q);
      if (score !== null && (best === null || score < best)) best = score;
    }
    if (best !== null) scored.push({ entry, score: best });
  });
  scored.sort(
    (a, b) => a.score - b.score || b.entry.weight - a.entry.weight || a.entry.label.localeCompare(b.entry.label),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}
