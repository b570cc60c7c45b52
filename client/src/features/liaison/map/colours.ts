/** Liaison overlay palette (no imports, so browser tests can find markers by colour). */
export const mechanismColours = { area: '#1c7ed6', line: '#1864ab', centre: '#1864ab', interior: '#7048e8' } as const;
