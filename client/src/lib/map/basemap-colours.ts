/** Basemap palette (no imports, so browser tests can read it to tell map from background). */
export const basemapColours = { water: '#c9dce6', land: '#f3efe6' } as const;
