/**
 * Incident palette (no imports, so browser tests can find markers by colour). Teal to
 * near-black by severity, a family no other overlay uses: areas are purple, ports orange,
 * Grupo Beta green, Border Patrol indigo, advisories pink, mechanisms blue. Type is the
 * marker's shape; finished incidents are hollow grey.
 */
export const severityColours = { low: '#99e9f2', medium: '#22b8cf', high: '#0b7285', critical: '#082a33' } as const;
/** Resolved and closed incidents: a grey outline. */
export const finishedColour = '#868e96';
/** Clusters by size: up to 100, up to 1,000, more. */
export const clusterColours = { small: '#66d9e8', medium: '#1098ad', large: '#0b5563' } as const;
/**
 * The density layer: yellow to deep red, unlike anything else on the map, so switching it on
 * is seen at once (the teal of the markers would vanish into the water and the clusters).
 */
export const heatColours = { low: '#ffe066', medium: '#fd7e14', high: '#e03131', highest: '#862e2e' } as const;
/** Cells of the comparison where more incidents happened than in the previous period. */
export const growthColour = '#82c91e';

/** Marker shapes; each type has one (incidentShapes). */
export const markerShapes = ['circle', 'cross', 'triangle', 'diamond', 'square', 'star'] as const;
export type MarkerShape = (typeof markerShapes)[number];
