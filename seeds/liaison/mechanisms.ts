/*
 * What the liaison feature adds to the mechanisms of seeds/border-reference.json: each
 * Border Liaison Mechanism's time zone, and a few illustrative Interior Consultation
 * Mechanisms (1998 and 2003 Working Group reports: U.S. immigration authorities and
 * Mexican consuls in the interior), which the reference does not list.
 */

/**
 * The ten BLMs west to east (the order of the border, which the area partition follows)
 * with the zone of their Mexican sister city. Both sister cities keep the same clock all
 * year (the border strips kept U.S. DST dates after Mexico dropped DST in 2022; Sonora and
 * Arizona keep MST), so one zone serves the whole mechanism.
 */
export const blmTimeZones = {
  'san-diego-tijuana': 'America/Tijuana',
  'calexico-mexicali': 'America/Tijuana',
  'nogales-nogales': 'America/Hermosillo',
  'douglas-agua-prieta': 'America/Hermosillo',
  'el-paso-ciudad-juarez': 'America/Ciudad_Juarez',
  'del-rio-ciudad-acuna': 'America/Matamoros',
  'eagle-pass-piedras-negras': 'America/Matamoros',
  'laredo-nuevo-laredo': 'America/Matamoros',
  'mcallen-reynosa': 'America/Matamoros',
  'brownsville-matamoros': 'America/Matamoros',
} as const;

export type BlmId = keyof typeof blmTimeZones;
export const blmIds = Object.keys(blmTimeZones) as BlmId[];

export interface InteriorMechanism {
  id: string;
  kind: 'ICM';
  usCity: string;
  usState: string;
  mxCity: null;
  mxState: null;
  location: { lat: number; lon: number };
  timeZone: string;
  /** The Mexican consulate and its U.S. immigration counterpart, by office (no people). */
  consulate: string;
  counterpart: string;
  illustrative: true;
  approx: true;
  evidence: string;
}

const evidence =
  'illustrative: the Working Group reports describe ICMs in general; this city is an example, not a verified mechanism';

export const interiorMechanisms: InteriorMechanism[] = [
  {
    id: 'icm-chicago',
    kind: 'ICM',
    usCity: 'Chicago',
    usState: 'IL',
    mxCity: null,
    mxState: null,
    location: { lat: 41.8781, lon: -87.6298 },
    timeZone: 'America/Chicago',
    consulate: 'Consulado General de México en Chicago',
    counterpart: 'ICE Enforcement and Removal Operations, Chicago Field Office',
    illustrative: true,
    approx: true,
    evidence,
  },
  {
    id: 'icm-denver',
    kind: 'ICM',
    usCity: 'Denver',
    usState: 'CO',
    mxCity: null,
    mxState: null,
    location: { lat: 39.7392, lon: -104.9903 },
    timeZone: 'America/Denver',
    consulate: 'Consulado de México en Denver',
    counterpart: 'ICE Enforcement and Removal Operations, Denver Field Office',
    illustrative: true,
    approx: true,
    evidence,
  },
  {
    id: 'icm-atlanta',
    kind: 'ICM',
    usCity: 'Atlanta',
    usState: 'GA',
    mxCity: null,
    mxState: null,
    location: { lat: 33.749, lon: -84.388 },
    timeZone: 'America/New_York',
    consulate: 'Consulado General de México en Atlanta',
    counterpart: 'ICE Enforcement and Removal Operations, Atlanta Field Office',
    illustrative: true,
    approx: true,
    evidence,
  },
];

/** Every seeded mechanism's IANA zone. */
export const mechanismTimeZones: Record<string, string> = {
  ...blmTimeZones,
  ...Object.fromEntries(interiorMechanisms.map((m) => [m.id, m.timeZone])),
};
