/**
 * Illustrative local repatriation arrangements (Plan of Action VI; 1999 Oaxaca report:
 * "through predetermined border crossing points during specified hours"). Official hours
 * per port are not public (border-reference.json → repatriationArrangements.hoursFinding):
 * these values are ILLUSTRATIVE, shaped by the press-reported windows kept in
 * `knownHourWindows` (cited per arrangement), and an administrator edits them in the console.
 */
export interface SeedArrangement {
  id: string;
  name: string;
  portIds: string[];
  windows: { days: number[]; start: string; end: string }[];
  vulnerableWindow: { start: string; end: string };
  noticeHours: number;
  exConvict: { noticeHours: number; portIds: string[] };
  capacityPerWindow: number;
  illustrative: true;
  basis: string;
  sources: string[];
}

const everyDay = [1, 2, 3, 4, 5, 6, 7];

export const seedArrangements: SeedArrangement[] = [
  {
    id: 'lra-california-baja-california',
    name: 'California – Baja California',
    portIds: ['san-ysidro', 'calexico-west'],
    windows: [{ days: everyDay, start: '06:00', end: '22:00' }],
    vulnerableWindow: { start: '08:00', end: '18:00' },
    noticeHours: 24,
    exConvict: { noticeHours: 72, portIds: ['san-ysidro'] },
    capacityPerWindow: 200,
    illustrative: true,
    basis:
      'Tijuana: unaccompanied minors not repatriated after 18:00 (INM Baja California, 2020); San Diego LRA points of contact.',
    sources: ['diariotijuana-2020', 'lra-san-diego-attachment'],
  },
  {
    id: 'lra-arizona-sonora',
    name: 'Arizona – Sonora',
    portIds: ['nogales', 'douglas', 'naco'],
    windows: [{ days: everyDay, start: '06:00', end: '20:00' }],
    vulnerableWindow: { start: '07:00', end: '18:00' },
    noticeHours: 24,
    exConvict: { noticeHours: 72, portIds: ['nogales'] },
    capacityPerWindow: 120,
    illustrative: true,
    basis:
      'Nogales: children, women and the sick to be returned before 18:00 (press, c. 2013–2015); Tucson LRA points of contact.',
    sources: ['aljazeera-2015-nogales', 'lra-tucson-attachment'],
  },
  {
    id: 'lra-el-paso-ciudad-juarez',
    name: 'El Paso – Ciudad Juárez',
    portIds: ['el-paso', 'ysleta'],
    windows: [{ days: everyDay, start: '07:00', end: '20:00' }],
    vulnerableWindow: { start: '08:00', end: '18:00' },
    noticeHours: 24,
    exConvict: { noticeHours: 72, portIds: ['el-paso'] },
    capacityPerWindow: 150,
    illustrative: true,
    basis: 'Daylight repatriation commitment (2014); the 2016 El Paso LRA hours are not public.',
    sources: ['sre-erpsg-2014', 'elpasotimes-2016'],
  },
  {
    id: 'lra-coahuila',
    name: 'Del Rio – Ciudad Acuña and Eagle Pass – Piedras Negras',
    portIds: ['del-rio', 'eagle-pass'],
    windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
    vulnerableWindow: { start: '08:00', end: '17:00' },
    noticeHours: 24,
    exConvict: { noticeHours: 72, portIds: ['eagle-pass'] },
    capacityPerWindow: 60,
    illustrative: true,
    basis: 'Daylight repatriation commitment (2014); the 2016 Del Rio LRA hours are not public.',
    sources: ['sre-erpsg-2014', 'dhs-2016-lras'],
  },
  {
    id: 'lra-tamaulipas',
    name: 'Tamaulipas (Nuevo Laredo, Reynosa, Matamoros)',
    portIds: ['laredo', 'hidalgo-pharr', 'brownsville'],
    windows: [{ days: everyDay, start: '08:00', end: '22:00' }],
    vulnerableWindow: { start: '08:00', end: '18:00' },
    noticeHours: 24,
    exConvict: { noticeHours: 72, portIds: ['laredo'] },
    capacityPerWindow: 150,
    illustrative: true,
    basis:
      'Agreed repatriation hours 08:00–22:00 at the Tamaulipas crossings (state government, 2020); vulnerable window illustrative.',
    sources: ['expreso-2020-tamaulipas'],
  },
];
