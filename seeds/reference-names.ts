/**
 * The names the console shows for ports of entry and Border Patrol sectors whose names in
 * border-reference.json carry an English description ("Eagle Pass (Bridges I and II)",
 * "Nuevo Laredo (Tamaulipas); Colombia bridge lands in Anáhuac municipality, Nuevo León",
 * "Big Bend Sector (Marfa Sector until 1 Oct 2011)"). A port's names are read in both
 * languages (the Spanish one is "Piedras Negras – Eagle Pass"), so they keep proper nouns only;
 * the reference's wording moves to the port's notes, where nothing is lost. Coordinates, time
 * zones, `approx` flags and sources stay those of the reference file.
 */
export const portNames: Record<string, { usName?: string; mxName?: string }> = {
  'cross-border-xpress': { usName: 'Cross Border Xpress', mxName: 'Aeropuerto Internacional de Tijuana' },
  'calexico-west': { usName: 'Calexico West' },
  andrade: { mxName: 'Los Algodones' },
  sasabe: { mxName: 'El Sásabe' },
  nogales: { usName: 'Nogales' },
  'antelope-wells': { mxName: 'El Berrendo' },
  columbus: { mxName: 'Puerto Palomas' },
  'santa-teresa': { mxName: 'San Jerónimo' },
  'el-paso': { usName: 'El Paso' },
  ysleta: { usName: 'Ysleta' },
  tornillo: { usName: 'Tornillo', mxName: 'Guadalupe D.B.' },
  boquillas: { usName: 'Boquillas', mxName: 'Boquillas del Carmen' },
  'eagle-pass': { usName: 'Eagle Pass' },
  laredo: { usName: 'Laredo', mxName: 'Nuevo Laredo' },
  'hidalgo-pharr': { usName: 'Hidalgo / Pharr / Anzalduas' },
  progreso: { mxName: 'Nuevo Progreso' },
  brownsville: { usName: 'Brownsville' },
};

/** Sectors by their current name; the reference's history ("formerly McAllen Sector") is not part of it. */
export const sectorNames: Record<string, string> = {
  'big-bend': 'Big Bend Sector',
  'rio-grande-valley': 'Rio Grande Valley Sector',
};
