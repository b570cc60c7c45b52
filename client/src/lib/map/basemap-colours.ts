/** Basemap palette (no imports, so browser tests can read it to tell map from background). */
export const basemapColours = {
  water: '#c9dce6',
  land: '#f3efe6',
  river: '#7fa9c9',
  border: '#6b3d2e',
} as const;
