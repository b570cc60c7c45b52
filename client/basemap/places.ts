/**
 * What the packages don't say well, written by hand: display names where GeoNames uses the
 * official long form, small crossing towns below its population floor, names that differ in
 * English and Spanish, and labels for states and water the packages carry no names or
 * outlines for (Natural Earth 50m has no Mexican states in any npm package we found).
 */

/** [lon, lat], as GeoJSON. */
export type Position = [number, number];

export interface HandLabel {
  en: string;
  es: string;
  at: Position;
}

/**
 * GeoNames name (and its admin code, where the name alone is ambiguous) → the name people
 * use at the border. `null` drops a duplicate of a town listed under another name.
 */
export const displayNames: ReadonlyArray<{ name: string; admin?: string; display: string | null }> = [
  { name: 'Heroica Matamoros', display: 'Matamoros' },
  { name: 'Heroica Caborca', display: 'Caborca' },
  { name: 'Heroica Guaymas', display: 'Guaymas' },
  { name: 'Heroica Ciudad de Cananea', display: 'Cananea' },
  { name: 'Heroica Ciudad de Ures', display: 'Ures' },
  { name: 'Heroica Nogales', display: 'Nogales' },
  { name: 'Juárez', admin: '06', display: 'Ciudad Juárez' },
  { name: 'Sonoita', admin: '26', display: 'Sonoyta' },
  { name: 'Aduana del Sásabe', display: 'El Sásabe' },
  { name: 'Roma-Los Saenz', display: null },
  { name: 'Manuel Ojinaga', display: null },
  // A prison (CERESO), not a town.
  { name: 'Cereso del Hongo', display: null },
  // Texas and New Mexico towns that share a name with a Mexican municipality far from the line.
  { name: 'San Ysidro', admin: 'NM', display: null },
];

/** Crossing towns smaller than GeoNames' 1,000-people floor, or missing from it. */
export const extraTowns: ReadonlyArray<{ name: string; country: 'US' | 'MX'; at: Position; population: number }> = [
  { name: 'Lukeville', country: 'US', at: [-112.8163, 31.8812], population: 50 },
  { name: 'Sasabe', country: 'US', at: [-111.5432, 31.4877], population: 50 },
  { name: 'Antelope Wells', country: 'US', at: [-108.5306, 31.3343], population: 10 },
  { name: 'Andrade', country: 'US', at: [-114.7283, 32.7172], population: 100 },
  { name: 'Boquillas del Carmen', country: 'MX', at: [-102.9585, 29.1877], population: 200 },
];

/** States along the border (and the next row south), placed where their names read well at border zoom. */
export const stateLabels: readonly HandLabel[] = [
  { en: 'California', es: 'California', at: [-116.6, 34.1] },
  { en: 'Arizona', es: 'Arizona', at: [-111.7, 33.9] },
  { en: 'New Mexico', es: 'Nuevo México', at: [-106.0, 33.6] },
  { en: 'Texas', es: 'Texas', at: [-100.2, 31.2] },
  { en: 'Nevada', es: 'Nevada', at: [-116.2, 36.6] },
  { en: 'Utah', es: 'Utah', at: [-111.6, 37.6] },
  { en: 'Colorado', es: 'Colorado', at: [-105.5, 37.6] },
  { en: 'Oklahoma', es: 'Oklahoma', at: [-97.5, 35.6] },
  { en: 'Louisiana', es: 'Luisiana', at: [-92.6, 31.0] },
  { en: 'Baja California', es: 'Baja California', at: [-115.2, 30.4] },
  { en: 'Sonora', es: 'Sonora', at: [-110.6, 29.4] },
  { en: 'Chihuahua', es: 'Chihuahua', at: [-106.4, 29.4] },
  { en: 'Coahuila', es: 'Coahuila', at: [-102.3, 27.4] },
  { en: 'Nuevo León', es: 'Nuevo León', at: [-99.9, 26.4] },
  { en: 'Tamaulipas', es: 'Tamaulipas', at: [-98.6, 24.6] },
  { en: 'Baja California Sur', es: 'Baja California Sur', at: [-112.3, 26.3] },
  { en: 'Sinaloa', es: 'Sinaloa', at: [-107.6, 25.2] },
  { en: 'Durango', es: 'Durango', at: [-104.9, 24.9] },
];

export const countryLabels: readonly HandLabel[] = [
  { en: 'UNITED STATES', es: 'ESTADOS UNIDOS', at: [-104.5, 35.4] },
  { en: 'MEXICO', es: 'MÉXICO', at: [-104.2, 26.9] },
];

/** Rivers carry no names in Natural Earth 50m as packaged: the border river and its neighbours by hand. */
export const waterLabels: readonly HandLabel[] = [
  { en: 'Pacific Ocean', es: 'Océano Pacífico', at: [-119.0, 30.5] },
  { en: 'Gulf of California', es: 'Golfo de California', at: [-112.4, 29.0] },
  { en: 'Gulf of Mexico', es: 'Golfo de México', at: [-95.0, 26.0] },
  { en: 'Rio Grande', es: 'Río Bravo', at: [-104.45, 29.75] },
  { en: 'Rio Grande', es: 'Río Bravo', at: [-99.4, 27.05] },
  { en: 'Colorado River', es: 'Río Colorado', at: [-114.45, 33.4] },
  { en: 'Gila River', es: 'Río Gila', at: [-113.3, 32.95] },
  { en: 'Pecos River', es: 'Río Pecos', at: [-103.0, 31.35] },
  { en: 'Río Conchos', es: 'Río Conchos', at: [-105.6, 28.6] },
];
