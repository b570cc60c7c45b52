import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import buffer from '@turf/buffer';
import { featureCollection, lineString, point, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, Polygon, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { AreaMethod, PolygonGeometry } from '@shared/reference/contract.js';
import { blmIds, interiorMechanisms } from './mechanisms.js';

/*
 * Where each mechanism's responsibility ends (issue 15). Every place within BAND_KM of
 * the US–Mexico line has exactly one Border Liaison Mechanism; outside the band the
 * nearest area answers (shared/geo.ts `responsibleMechanismFor`).
 *
 * Method — approximate, and said so on every area:
 * 1. The line: the arc the United States and Mexico share in Natural Earth 1:50m
 *    (world-atlas countries-50m, read with topojson-client). Chosen over a hand-listed
 *    line because it is a maintained, citable source already installed for the map, and
 *    1:50m (≈140 points) is far finer than any cut below needs.
 * 2. The band: that line buffered by BAND_KM on both sides.
 * 3. Cuts across the band between neighbouring mechanisms, placed where a county,
 *    municipio or Border Patrol sector line meets the border (positions estimated by the
 *    author to ±5 km). West of El Paso the U.S. county lines there run north–south and the
 *    cut follows them as a meridian; in Texas the cut crosses the band at right angles to
 *    the Rio Grande. On the Mexican side the cut continues the same line: municipio lines
 *    lie near but not on it. A plain Voronoi partition of the sister cities was rejected:
 *    it gives Jacumba (San Diego County) to Calexico–Mexicali.
 * 4. Each area is the band between its two cuts.
 *
 * Interior Consultation Mechanisms get an illustrative circle around their city: their
 * consular districts cover whole states and are not drawn here.
 */

export const BAND_KM = 100;
const ICM_RADIUS_KM = 150;

interface Cut {
  between: [string, string];
  /** North (U.S.) end → anchor on the border → south (Mexican) end; extended north and south beyond the band. */
  line: Position[];
  basis: string;
}

const meridian = (lon: number): Position[] => [
  [lon, 32],
  [lon, 30],
];

const cuts: Cut[] = [
  {
    between: ['san-diego-tijuana', 'calexico-mexicali'],
    line: meridian(-116.1),
    basis:
      'San Diego–Imperial county line (San Diego / El Centro Border Patrol sectors), ≈ 116.10° W; Jacumba stays with San Diego',
  },
  {
    between: ['calexico-mexicali', 'nogales-nogales'],
    line: meridian(-113.33),
    basis:
      'Yuma–Pima county line (Yuma / Tucson sectors), ≈ 113.33° W; the Yuma–San Luis Río Colorado stretch has no mechanism of its own and goes with Calexico–Mexicali',
  },
  {
    between: ['nogales-nogales', 'douglas-agua-prieta'],
    line: meridian(-110.46),
    basis: 'Santa Cruz–Cochise county line, ≈ 110.46° W',
  },
  {
    between: ['douglas-agua-prieta', 'el-paso-ciudad-juarez'],
    line: meridian(-109.05),
    basis:
      'Arizona–New Mexico line (Tucson / El Paso sectors), 109.05° W; the Sonora–Chihuahua line meets the border a little east of it',
  },
  {
    between: ['el-paso-ciudad-juarez', 'del-rio-ciudad-acuna'],
    line: [
      [-103.03, 30.54],
      [-103.79, 29.26],
      [-104.55, 27.99],
    ],
    basis:
      'Presidio–Brewster county line at the Rio Grande near Lajitas, ≈ 103.79° W. The Big Bend sector has no mechanism: Presidio County and Ojinaga (Chihuahua) go with El Paso–Ciudad Juárez, Brewster and Terrell counties and Coahuila with Del Rio–Ciudad Acuña',
  },
  {
    between: ['del-rio-ciudad-acuna', 'eagle-pass-piedras-negras'],
    line: [
      [-99.27, 29.79],
      [-100.64, 29.0],
      [-102.02, 28.22],
    ],
    basis: 'Kinney–Maverick county line at the Rio Grande, ≈ 29.0° N',
  },
  {
    between: ['eagle-pass-piedras-negras', 'laredo-nuevo-laredo'],
    line: [
      [-98.88, 29.07],
      [-100.22, 28.24],
      [-101.55, 27.41],
    ],
    basis: 'Maverick–Webb county line at the Rio Grande (Del Rio / Laredo sectors), ≈ 28.2° N',
  },
  {
    between: ['laredo-nuevo-laredo', 'mcallen-reynosa'],
    line: [
      [-97.94, 27.48],
      [-99.17, 26.56],
      [-100.4, 25.64],
    ],
    basis: 'Zapata–Starr county line at Falcon Dam (Laredo / Rio Grande Valley sectors), ≈ 99.17° W',
  },
  {
    between: ['mcallen-reynosa', 'brownsville-matamoros'],
    line: [
      [-97.34, 27.41],
      [-97.86, 26.05],
      [-98.39, 24.69],
    ],
    basis: 'Hidalgo–Cameron county line at the Rio Grande, ≈ 97.86° W',
  },
];

/** Latitudes and longitudes beyond the band on every side, where cuts and the outer edges close. */
const [NORTH, SOUTH, WEST, EAST] = [36, 22, -130, -90];

export interface MechanismAreaSeed {
  mechanismId: string;
  area: PolygonGeometry;
  method: AreaMethod;
  approx: true;
  /** How this area was drawn, for the admin who edits it. */
  basis: string;
}

/** The US–Mexico line, west (Pacific) to east (Gulf), from Natural Earth 1:50m. */
export function borderLine(): Position[] {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryObject }>;
  // ISO 3166 numeric: 840 United States, 484 Mexico.
  const shared = mesh(
    topology,
    topology.objects.countries,
    (a, b) => a !== b && [a.id, b.id].sort().join() === '484,840',
  );
  if (shared.coordinates.length !== 1)
    throw new Error(`expected one US–Mexico arc, found ${shared.coordinates.length}`);
  const line = shared.coordinates[0]!;
  return line[0]![0]! < line.at(-1)![0]! ? line : [...line].reverse();
}

/** The cut as a polyline from beyond the band in the north to beyond it in the south. */
function fullCut(line: Position[]): Position[] {
  return [[line[0]![0]!, NORTH], ...line, [line.at(-1)![0]!, SOUTH]];
}

function round(ring: Position[]): [number, number][] {
  return ring.map(([lon, lat]) => [Math.round(lon! * 1e5) / 1e5, Math.round(lat! * 1e5) / 1e5]);
}

/**
 * Every place within BAND_KM of the line (96–100 km in fact: turf's buffer works in a
 * projection centred on the line, which stretches 3,100 km).
 */
export function borderBand(): Feature<Polygon> {
  const band = buffer(lineString(borderLine()), BAND_KM, { units: 'kilometers', steps: 16 });
  if (band?.geometry.type !== 'Polygon') throw new Error('the border band should be one polygon');
  return band as Feature<Polygon>;
}

export function borderBandAreas(): MechanismAreaSeed[] {
  const band = borderBand();
  const edges = [
    [
      [WEST, NORTH],
      [WEST, SOUTH],
    ],
    ...cuts.map((c) => fullCut(c.line)),
    [
      [EAST, NORTH],
      [EAST, SOUTH],
    ],
  ];
  return blmIds.map((mechanismId, i) => {
    const [west, east] = [edges[i]!, edges[i + 1]!];
    const between = polygon([[...west, ...[...east].reverse(), west[0]!]]);
    const piece = intersect(featureCollection([band, between]));
    if (piece?.geometry.type !== 'Polygon')
      throw new Error(`the area of ${mechanismId} should be one polygon, got ${piece?.geometry.type ?? 'nothing'}`);
    const bounds = [cuts[i - 1], cuts[i]].filter((c): c is Cut => c !== undefined).map((c) => c.basis);
    return {
      mechanismId,
      area: { type: 'Polygon', coordinates: piece.geometry.coordinates.map(round) },
      method: 'border_band_partition',
      approx: true,
      basis: `Natural Earth 1:50m US–Mexico line buffered ${BAND_KM} km; cut at: ${bounds.join(' | ')}`,
    };
  });
}

export function interiorAreas(): MechanismAreaSeed[] {
  return interiorMechanisms.map((m) => {
    const circle = buffer(point([m.location.lon, m.location.lat]), ICM_RADIUS_KM, { units: 'kilometers', steps: 16 });
    if (circle?.geometry.type !== 'Polygon') throw new Error(`no circle for ${m.id}`);
    return {
      mechanismId: m.id,
      area: { type: 'Polygon', coordinates: circle.geometry.coordinates.map(round) },
      method: 'illustrative_circle',
      approx: true,
      basis: `Illustrative: ${ICM_RADIUS_KM} km around ${m.usCity}; the consular district is larger`,
    };
  });
}

/** Every seeded mechanism's area: the ten BLMs' band partition, then the illustrative ICMs. */
export function mechanismAreas(): MechanismAreaSeed[] {
  return [...borderBandAreas(), ...interiorAreas()];
}
