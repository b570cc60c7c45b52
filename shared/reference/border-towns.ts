import type { Country } from '@shared/auth.js';

/** A town on the border that a place can be described from ("9 km E of Tecate"). */
export interface BorderTown {
  /** The name both languages use; the state is added where both sides share a name. */
  name: string;
  country: Country;
  lat: number;
  lon: number;
}

/**
 * The towns at the ports of entry on both sides and the sister cities of the Border Liaison
 * Mechanisms, west to east, with the coordinates the reference data gives them
 * (seeds/border-reference.json: a port's `usSide`/`mxSide`, a mechanism's city location or
 * a Grupo Beta unit's city centre; all approximate, to a few hundred metres).
 * tests/shared/place.test.ts checks each against that file.
 */
export const borderTowns: readonly BorderTown[] = [
  { name: 'San Diego', country: 'US', lat: 32.7157, lon: -117.1611 },
  { name: 'San Ysidro', country: 'US', lat: 32.542528, lon: -117.028761 },
  { name: 'Tijuana', country: 'MX', lat: 32.5149, lon: -117.0382 },
  { name: 'Otay Mesa', country: 'US', lat: 32.55033, lon: -116.938538 },
  { name: 'Tecate, CA', country: 'US', lat: 32.576428, lon: -116.626216 },
  { name: 'Tecate, B.C.', country: 'MX', lat: 32.5665, lon: -116.625 },
  { name: 'Calexico', country: 'US', lat: 32.6789, lon: -115.4989 },
  { name: 'Mexicali', country: 'MX', lat: 32.6245, lon: -115.4523 },
  { name: 'Andrade', country: 'US', lat: 32.718143, lon: -114.72832 },
  { name: 'Los Algodones', country: 'MX', lat: 32.715, lon: -114.7285 },
  { name: 'San Luis', country: 'US', lat: 32.485, lon: -114.782222 },
  { name: 'San Luis Río Colorado', country: 'MX', lat: 32.4561, lon: -114.7719 },
  { name: 'Lukeville', country: 'US', lat: 31.880195, lon: -112.817077 },
  { name: 'Sonoyta', country: 'MX', lat: 31.8617, lon: -112.85 },
  { name: 'Sasabe', country: 'US', lat: 31.483039, lon: -111.544363 },
  { name: 'El Sásabe', country: 'MX', lat: 31.479, lon: -111.544 },
  { name: 'Nogales, AZ', country: 'US', lat: 31.3404, lon: -110.9343 },
  { name: 'Nogales, Son.', country: 'MX', lat: 31.3086, lon: -110.9422 },
  { name: 'Naco, AZ', country: 'US', lat: 31.334084, lon: -109.948413 },
  { name: 'Naco, Son.', country: 'MX', lat: 31.33, lon: -109.9485 },
  { name: 'Douglas', country: 'US', lat: 31.3445, lon: -109.5453 },
  { name: 'Agua Prieta', country: 'MX', lat: 31.327, lon: -109.549 },
  { name: 'Antelope Wells', country: 'US', lat: 31.334, lon: -108.53 },
  { name: 'El Berrendo', country: 'MX', lat: 31.329, lon: -108.53 },
  { name: 'Columbus', country: 'US', lat: 31.783742, lon: -107.627948 },
  { name: 'Puerto Palomas', country: 'MX', lat: 31.779, lon: -107.628 },
  { name: 'Santa Teresa', country: 'US', lat: 31.783939, lon: -106.679437 },
  { name: 'San Jerónimo', country: 'MX', lat: 31.779, lon: -106.6795 },
  { name: 'El Paso', country: 'US', lat: 31.7619, lon: -106.485 },
  { name: 'Ciudad Juárez', country: 'MX', lat: 31.6904, lon: -106.4245 },
  { name: 'Tornillo', country: 'US', lat: 31.435334, lon: -106.142669 },
  { name: 'Guadalupe D.B.', country: 'MX', lat: 31.429, lon: -106.144 },
  { name: 'Presidio', country: 'US', lat: 29.561827, lon: -104.394907 },
  { name: 'Ojinaga', country: 'MX', lat: 29.556, lon: -104.399 },
  { name: 'Boquillas', country: 'US', lat: 29.183, lon: -102.96 },
  { name: 'Boquillas del Carmen', country: 'MX', lat: 29.176, lon: -102.959 },
  { name: 'Del Rio', country: 'US', lat: 29.3709, lon: -100.8959 },
  { name: 'Ciudad Acuña', country: 'MX', lat: 29.3239, lon: -100.9317 },
  { name: 'Eagle Pass', country: 'US', lat: 28.7091, lon: -100.4995 },
  { name: 'Piedras Negras', country: 'MX', lat: 28.7, lon: -100.5235 },
  { name: 'Laredo', country: 'US', lat: 27.5306, lon: -99.4803 },
  { name: 'Nuevo Laredo', country: 'MX', lat: 27.4779, lon: -99.5164 },
  { name: 'Roma', country: 'US', lat: 26.403928, lon: -99.018981 },
  { name: 'Ciudad Miguel Alemán', country: 'MX', lat: 26.399, lon: -99.022 },
  { name: 'Rio Grande City', country: 'US', lat: 26.365761, lon: -98.802513 },
  { name: 'Ciudad Camargo', country: 'MX', lat: 26.36, lon: -98.803 },
  { name: 'McAllen', country: 'US', lat: 26.2034, lon: -98.23 },
  { name: 'Hidalgo', country: 'US', lat: 26.095032, lon: -98.271092 },
  { name: 'Reynosa', country: 'MX', lat: 26.0508, lon: -98.2979 },
  { name: 'Progreso', country: 'US', lat: 26.062133, lon: -97.949958 },
  { name: 'Nuevo Progreso', country: 'MX', lat: 26.057, lon: -97.95 },
  { name: 'Brownsville', country: 'US', lat: 25.9017, lon: -97.4975 },
  { name: 'Matamoros', country: 'MX', lat: 25.869, lon: -97.5027 },
];
