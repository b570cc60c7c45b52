/**
 * Which feature answers a click on the map, as a pure function of what lies under the
 * pointer: the most specific thing (incident or port over station over high-risk area over
 * mechanism area), or a choice between several of the same rank.
 */

/** A feature under the pointer, from one clickable layer. */
export interface PickHit {
  overlayId: string;
  featureId: string;
  /** The layer's click rank (OverlayLayer.clickRank or its default). */
  rank: number;
  /** The overlay's drawing order: among equals, the one drawn on top is listed first. */
  order: number;
}

export type PickResult<H extends PickHit> =
  { kind: 'none' } | { kind: 'one'; hit: H } | { kind: 'choice'; hits: readonly H[] };

const keyOf = (hit: PickHit) => `${hit.overlayId}:${hit.featureId}`;

/** Default ranks by geometry: points are more specific than the shapes they lie in. */
export function defaultClickRank(layerType: string): number {
  return layerType === 'circle' || layerType === 'symbol' || layerType === 'heatmap' ? 40 : 20;
}

export function pickFeature<H extends PickHit>(hits: readonly H[]): PickResult<H> {
  // One feature can be hit through several layers (a fill and its outline): keep its best.
  const best = new Map<string, H>();
  for (const hit of hits) {
    const seen = best.get(keyOf(hit));
    if (!seen || hit.rank > seen.rank) best.set(keyOf(hit), hit);
  }
  const ranked = [...best.values()].sort((a, b) => b.rank - a.rank || b.order - a.order);
  const top = ranked[0];
  if (!top) return { kind: 'none' };
  const tied = ranked.filter((hit) => hit.rank === top.rank);
  return tied.length === 1 ? { kind: 'one', hit: top } : { kind: 'choice', hits: tied };
}
