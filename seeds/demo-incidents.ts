import type { InvestigationBody, IncidentStatus, IncidentType, People, Severity } from '@shared/incidents/contract.js';
import type { LatLon } from '@shared/reference/contract.js';

/*
 * Fictional incidents for the demo: what a newcomer sees on first sign-in instead of an
 * empty feed and map. Invented people and events at real places along the whole border,
 * over the last six weeks: every type of outcome the console handles (acknowledged in time,
 * escalated to the central desks, resolved, closed with an investigation, one still waiting
 * for an investigation, two reported minutes ago and awaiting the other government).
 * server/demo-incidents.ts plays them through the API with a clock moved by hand, so they
 * are written exactly as officers' reports are, then marks them `demo`.
 */

/** Something that happens to a demo incident, `after` minutes after it was reported, by a demo account. */
export type DemoStep =
  | { after: number; by: string; acknowledge: true }
  | { after: number; by: string; status: IncidentStatus }
  | { after: number; by: string; note: string }
  | { after: number; by: string; people: People }
  | { after: number; by: string; investigation: InvestigationBody };

export interface DemoIncident {
  /** When it was reported, before the seeding moment. */
  reportedAgo: { days: number; minutes?: number };
  /** How long before the report it happened. */
  occurredMinutesEarlier: number;
  reporter: string;
  type: IncidentType;
  severity: Severity;
  summary: string;
  location: LatLon;
  people?: People;
  steps: DemoStep[];
}

const DAY = 24 * 60;

/** Oldest first, west to east where it doesn't matter. */
export const demoIncidents: DemoIncident[] = [
  {
    reportedAgo: { days: 41 },
    occurredMinutesEarlier: 35,
    reporter: 'liaison.sandiego',
    type: 'weather_emergency',
    severity: 'high',
    summary:
      'Snow on Otay Mountain truck trail; group of 7 reported stranded above the border fence, two with hypothermia.',
    location: { lat: 32.592, lon: -116.86 },
    people: { rescued: 0, injured: 2, deceased: 0 },
    steps: [
      { after: 6, by: 'consul.tijuana', acknowledge: true },
      { after: 20, by: 'liaison.sandiego', status: 'responding' },
      { after: 190, by: 'liaison.sandiego', people: { rescued: 7, injured: 2, deceased: 0 } },
      {
        after: 200,
        by: 'liaison.sandiego',
        note: 'All 7 brought down by BORSTAR; two treated for hypothermia at Chula Vista.',
      },
      { after: 240, by: 'liaison.sandiego', status: 'resolved' },
      { after: 2 * DAY, by: 'consul.tijuana', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 38 },
    occurredMinutesEarlier: 50,
    reporter: 'supervisor.mx',
    type: 'drowning',
    severity: 'critical',
    summary:
      'Man swept away in the All-American Canal east of the Calexico port; Grupo Beta searching from the Mexican bank.',
    location: { lat: 32.707, lon: -115.28 },
    steps: [
      // Nobody on the U.S. side acknowledged in 10 minutes: the central desks took it.
      { after: 14, by: 'central.us', acknowledge: true },
      { after: 15, by: 'supervisor.us', status: 'responding' },
      { after: 300, by: 'supervisor.us', people: { rescued: 0, injured: 0, deceased: 1 } },
      { after: 310, by: 'supervisor.us', note: 'Body recovered at the Drop 2 check structure; consulate notified.' },
      { after: 330, by: 'supervisor.us', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 35 },
    occurredMinutesEarlier: 90,
    reporter: 'supervisor.us',
    type: 'death',
    severity: 'critical',
    summary: 'Remains found by a rancher 6 km north of the line near Sasabe; heat exposure suspected.',
    location: { lat: 31.54, lon: -111.55 },
    people: { rescued: 0, injured: 0, deceased: 1 },
    steps: [
      { after: 4, by: 'supervisor.mx', acknowledge: true },
      { after: 30, by: 'supervisor.us', status: 'responding' },
      {
        after: 240,
        by: 'supervisor.us',
        investigation: {
          leadAgency: 'Pima County Office of the Medical Examiner',
          caseReference: 'PCOME-DEMO-0412',
          status: 'under_review',
          notes: 'Identification through the Mexican consulate in Tucson.',
        },
      },
      { after: 260, by: 'supervisor.us', status: 'resolved' },
      { after: 9 * DAY, by: 'supervisor.us', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 33 },
    occurredMinutesEarlier: 20,
    reporter: 'supervisor.us',
    type: 'smuggling',
    severity: 'medium',
    summary: '14 people found in a tractor-trailer at the Calexico East cargo lot; all walking and talking.',
    location: { lat: 32.673, lon: -115.39 },
    people: { rescued: 14, injured: 0, deceased: 0 },
    steps: [
      { after: 25, by: 'supervisor.mx', acknowledge: true },
      { after: 40, by: 'supervisor.us', status: 'responding' },
      { after: 180, by: 'supervisor.us', status: 'resolved' },
      { after: 3 * DAY, by: 'supervisor.us', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 30 },
    occurredMinutesEarlier: 45,
    reporter: 'supervisor.mx',
    type: 'violence_against_migrants',
    severity: 'high',
    summary: 'Three migrants robbed at gunpoint in the Nogales wash on the Sonora side; one with a head wound.',
    location: { lat: 31.315, lon: -110.93 },
    people: { rescued: 0, injured: 1, deceased: 0 },
    steps: [
      { after: 8, by: 'supervisor.us', acknowledge: true },
      { after: 15, by: 'supervisor.mx', status: 'responding' },
      {
        after: 2 * DAY,
        by: 'supervisor.mx',
        investigation: {
          leadAgency: 'Fiscalía General del Estado de Sonora',
          caseReference: 'FGES-NOG-DEMO-117',
          status: 'open',
        },
      },
    ],
  },
  {
    reportedAgo: { days: 27 },
    occurredMinutesEarlier: 30,
    reporter: 'supervisor.us',
    type: 'assault_on_officers',
    severity: 'medium',
    summary: 'Agent struck by rocks thrown from the south side of the fence near the Douglas port.',
    location: { lat: 31.335, lon: -109.57 },
    people: { rescued: 0, injured: 1, deceased: 0 },
    steps: [
      { after: 12, by: 'supervisor.mx', acknowledge: true },
      {
        after: DAY,
        by: 'supervisor.us',
        investigation: {
          leadAgency: 'U.S. Attorney, District of Arizona',
          caseReference: 'AZ-DEMO-2026-031',
          status: 'referred_to_prosecutor',
        },
      },
      { after: DAY + 10, by: 'supervisor.us', status: 'responding' },
      { after: DAY + 20, by: 'supervisor.us', status: 'resolved' },
      { after: 6 * DAY, by: 'supervisor.us', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 24 },
    occurredMinutesEarlier: 60,
    reporter: 'supervisor.mx',
    type: 'civilian_detention',
    severity: 'medium',
    summary: 'Armed civilians holding a family of five at a ranch gate west of Columbus; Palomas police alerted.',
    location: { lat: 31.79, lon: -107.7 },
    people: { rescued: 0, injured: 0, deceased: 0 },
    steps: [
      { after: 9, by: 'supervisor.us', acknowledge: true },
      { after: 20, by: 'supervisor.us', status: 'responding' },
      { after: 95, by: 'supervisor.us', people: { rescued: 5, injured: 0, deceased: 0 } },
      { after: 100, by: 'supervisor.us', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 21 },
    occurredMinutesEarlier: 15,
    reporter: 'supervisor.us',
    type: 'drowning',
    severity: 'critical',
    summary:
      'Woman and child in the Rio Grande below the Paso del Norte bridge; Ciudad Juárez firefighters on the bank.',
    location: { lat: 31.747, lon: -106.49 },
    steps: [
      { after: 3, by: 'supervisor.mx', acknowledge: true },
      { after: 5, by: 'supervisor.us', status: 'responding' },
      { after: 40, by: 'supervisor.mx', people: { rescued: 2, injured: 1, deceased: 0 } },
      {
        after: 45,
        by: 'supervisor.mx',
        note: 'Both pulled out by Juárez firefighters; child treated for water inhalation.',
      },
      { after: 60, by: 'supervisor.us', status: 'resolved' },
      { after: 2 * DAY, by: 'supervisor.us', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 18 },
    occurredMinutesEarlier: 10,
    reporter: 'supervisor.us',
    type: 'trans_border_pursuit',
    severity: 'high',
    summary:
      'Vehicle fleeing a checkpoint turned south toward the Santa Teresa port; Mexican side asked to hold the lanes.',
    location: { lat: 31.79, lon: -106.68 },
    steps: [
      { after: 2, by: 'supervisor.mx', acknowledge: true },
      { after: 3, by: 'supervisor.us', status: 'responding' },
      { after: 50, by: 'supervisor.us', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 15 },
    occurredMinutesEarlier: 120,
    reporter: 'supervisor.mx',
    type: 'weather_emergency',
    severity: 'medium',
    summary: 'Flash flood closes the Ojinaga–Presidio road; 20 people waiting at the Ojinaga shelter.',
    location: { lat: 29.55, lon: -104.41 },
    // Both governments have it in hand; nobody has taken it on yet.
    steps: [{ after: 30, by: 'supervisor.us', acknowledge: true }],
  },
  {
    reportedAgo: { days: 12 },
    occurredMinutesEarlier: 40,
    reporter: 'supervisor.us',
    type: 'drowning',
    severity: 'critical',
    summary: 'Two men seen going under in the Rio Grande downstream of the Del Rio international bridge.',
    location: { lat: 29.32, lon: -100.94 },
    steps: [
      // Mexico was not reached in time: escalated to the Mexico City desk, which answered.
      { after: 16, by: 'central.mx', acknowledge: true },
      { after: 18, by: 'supervisor.us', status: 'responding' },
      { after: 140, by: 'supervisor.mx', people: { rescued: 1, injured: 0, deceased: 1 } },
      { after: 150, by: 'supervisor.us', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 10 },
    occurredMinutesEarlier: 25,
    reporter: 'supervisor.mx',
    type: 'drowning',
    severity: 'high',
    summary: 'Group of 9 crossing near the Eagle Pass boat ramp; current strong after rain, three missing.',
    location: { lat: 28.71, lon: -100.51 },
    people: { rescued: 6, injured: 0, deceased: 0 },
    steps: [
      { after: 11, by: 'supervisor.us', acknowledge: true },
      { after: 15, by: 'supervisor.us', status: 'responding' },
      {
        after: 200,
        by: 'supervisor.us',
        note: 'Two more found on an island; one still missing. Search continues at first light.',
      },
      { after: 210, by: 'supervisor.us', people: { rescued: 8, injured: 1, deceased: 0 } },
    ],
  },
  {
    reportedAgo: { days: 8 },
    occurredMinutesEarlier: 5,
    reporter: 'supervisor.us',
    type: 'bomb_threat',
    severity: 'critical',
    summary: 'Phoned bomb threat against the Laredo World Trade Bridge; northbound cargo lanes cleared.',
    location: { lat: 27.599, lon: -99.54 },
    steps: [
      { after: 2, by: 'supervisor.mx', acknowledge: true },
      { after: 3, by: 'supervisor.us', status: 'responding' },
      { after: 95, by: 'supervisor.us', note: 'Sweep found nothing; lanes reopened at 11:40.' },
      { after: 100, by: 'supervisor.us', status: 'resolved' },
      { after: DAY, by: 'supervisor.us', status: 'closed' },
    ],
  },
  {
    reportedAgo: { days: 6 },
    occurredMinutesEarlier: 70,
    reporter: 'supervisor.us',
    type: 'incursion',
    severity: 'medium',
    summary: 'Uniformed armed men reported on the U.S. bank near Anzalduas park for about ten minutes.',
    location: { lat: 26.14, lon: -98.33 },
    steps: [
      { after: 25, by: 'supervisor.mx', acknowledge: true },
      { after: 60, by: 'supervisor.us', status: 'responding' },
      {
        after: DAY,
        by: 'supervisor.us',
        investigation: {
          leadAgency: 'U.S. Border Patrol, Rio Grande Valley Sector',
          caseReference: 'RGV-DEMO-INC-09',
          status: 'open',
        },
      },
    ],
  },
  {
    reportedAgo: { days: 4 },
    occurredMinutesEarlier: 180,
    reporter: 'supervisor.mx',
    type: 'violence_against_migrants',
    severity: 'high',
    summary: 'Migrant shelter in Matamoros reports four people beaten near the river levee overnight.',
    location: { lat: 25.88, lon: -97.5 },
    people: { rescued: 0, injured: 4, deceased: 0 },
    steps: [
      { after: 15, by: 'supervisor.us', acknowledge: true },
      { after: 30, by: 'supervisor.mx', status: 'responding' },
      // Resolved, but no investigation record yet: the follow-up list flags it and it can't be closed.
      { after: DAY, by: 'supervisor.mx', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 2 },
    occurredMinutesEarlier: 30,
    reporter: 'liaison.sandiego',
    type: 'heat_exposure',
    severity: 'high',
    // Reported by a San Diego officer east of the county line: Calexico–Mexicali's to answer (issue 16).
    summary: 'Hiker group calls 911 from the rail line near Ocotillo; one unconscious, 41 °C.',
    location: { lat: 32.72, lon: -116.0 },
    people: { rescued: 0, injured: 1, deceased: 0 },
    steps: [
      // The U.S. side reported it; Mexico's acknowledgement never came and the desks took it.
      { after: 10, by: 'supervisor.us', status: 'responding' },
      { after: 90, by: 'supervisor.us', people: { rescued: 4, injured: 1, deceased: 0 } },
    ],
  },
  {
    reportedAgo: { days: 1 },
    occurredMinutesEarlier: 40,
    reporter: 'consul.tijuana',
    type: 'migrant_distress',
    severity: 'medium',
    summary: 'Family of four lost in the Tijuana River estuary; calling the consulate from a phone at 20 % battery.',
    location: { lat: 32.55, lon: -117.09 },
    steps: [
      { after: 7, by: 'liaison.sandiego', acknowledge: true },
      { after: 12, by: 'liaison.sandiego', status: 'responding' },
      { after: 80, by: 'liaison.sandiego', people: { rescued: 4, injured: 0, deceased: 0 } },
      { after: 85, by: 'liaison.sandiego', status: 'resolved' },
    ],
  },
  {
    reportedAgo: { days: 0, minutes: 4 },
    occurredMinutesEarlier: 15,
    reporter: 'liaison.sandiego',
    type: 'migrant_distress',
    severity: 'medium',
    summary: 'Group of 6 seen climbing the secondary fence west of the San Ysidro port; one appears injured.',
    location: { lat: 32.545, lon: -117.05 },
    steps: [],
  },
  {
    reportedAgo: { days: 0, minutes: 2 },
    occurredMinutesEarlier: 10,
    reporter: 'supervisor.mx',
    type: 'heat_exposure',
    severity: 'low',
    summary:
      'Grupo Beta found a man with heat exhaustion south of Nuevo Laredo; asking for his companions on the U.S. side.',
    location: { lat: 27.45, lon: -99.53 },
    people: { rescued: 1, injured: 0, deceased: 0 },
    steps: [],
  },
];
