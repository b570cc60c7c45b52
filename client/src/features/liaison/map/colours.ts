/**
 * Liaison overlay palette (no imports, so browser tests can find markers by colour): mechanisms'
 * areas are blue dashed outlines, clear of incident severity's warm colours and of the
 * reference overlays' hues.
 */
export const mechanismColours = { area: '#1c7ed6', line: '#1864ab', interior: '#1864ab' } as const;
