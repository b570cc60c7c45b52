/*
 * The console's catalogues (message keys, event kinds) are composed from one part per
 * feature. An object spread would let a second feature's key silently replace the first's;
 * this merge refuses, at start-up and in every test run, instead.
 */

type Merged<Parts extends readonly object[]> = Parts extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? First & Merged<Rest>
  : unknown;

/** One catalogue from its parts; throws naming a key two parts both define. */
export function mergeCatalogues<const Parts extends readonly object[]>(what: string, ...parts: Parts): Merged<Parts> {
  const merged: Record<string, unknown> = {};
  for (const part of parts)
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`${what} "${key}" is defined twice`);
      merged[key] = value;
    }
  return merged as Merged<Parts>;
}
