import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PlaceSearchBox } from '@client/components/place-search-box.js';
import { defaultClickRank, pickFeature, type PickHit } from '@client/app/map/pick.js';
import { normalise, searchIndex, searchPlaces, type SearchEntry } from '@client/lib/place-search.js';
import { renderPage } from './support/render.js';

const hit = (overlayId: string, featureId: string, rank: number, order: number): PickHit => ({
  overlayId,
  featureId,
  rank,
  order,
});

// The ranks the overlays declare: incidents and ports 40, stations 30, areas 20, mechanism areas 10.
const incident = (id: string) => hit('incidents', id, 40, 50);
const port = (id: string) => hit('ports', id, 40, 40);
const station = (id: string) => hit('stations', id, 30, 45);
const area = (id: string) => hit('areas', id, 20, 10);
const mechanismArea = (id: string) => hit('mechanisms', id, 10, 5);

describe('click ranking', () => {
  it('opens the high-risk area, not the mechanism area around it (Altar Valley)', () => {
    expect(pickFeature([mechanismArea('nogales'), area('altar-valley')])).toEqual({
      kind: 'one',
      hit: area('altar-valley'),
    });
  });

  it('opens a port or an incident over a station, an area and a mechanism area', () => {
    expect(pickFeature([mechanismArea('m'), area('a'), station('s'), port('p')])).toEqual({
      kind: 'one',
      hit: port('p'),
    });
    expect(pickFeature([station('s'), incident('i'), mechanismArea('m')])).toEqual({
      kind: 'one',
      hit: incident('i'),
    });
    expect(pickFeature([area('a'), station('s')])).toEqual({ kind: 'one', hit: station('s') });
  });

  it('offers a choice where several of the same rank overlap, the one drawn on top first', () => {
    expect(pickFeature([port('p'), incident('i1'), station('s'), incident('i2')])).toEqual({
      kind: 'choice',
      hits: [incident('i1'), incident('i2'), port('p')],
    });
    expect(pickFeature([area('a'), area('b'), mechanismArea('m')])).toEqual({
      kind: 'choice',
      hits: [area('a'), area('b')],
    });
  });

  it('counts a feature hit through two layers once, at its better rank', () => {
    const mechanismCentre = hit('mechanisms', 'm', 40, 5);
    expect(pickFeature([mechanismArea('m'), mechanismCentre])).toEqual({ kind: 'one', hit: mechanismCentre });
  });

  it('answers nothing where nothing is', () => {
    expect(pickFeature([])).toEqual({ kind: 'none' });
  });

  it('ranks points above shapes by default', () => {
    expect(defaultClickRank('circle')).toBeGreaterThan(defaultClickRank('fill'));
    expect(defaultClickRank('symbol')).toBe(defaultClickRank('circle'));
  });
});

const entry = (label: string, names: string[], weight: number, extra: Partial<SearchEntry> = {}): SearchEntry => ({
  key: `${label}:${weight}`,
  label,
  detail: '',
  names,
  longitude: 0,
  latitude: 0,
  weight,
  ...extra,
});

const places = searchIndex([
  entry('Nogales', ['Nogales'], 212_533),
  entry('Nogales', ['Nogales'], 20_252),
  entry(
    'Nogales – Nogales (DeConcini)',
    ['Nogales – Nogales (DeConcini)', 'Nogales (DeConcini)', 'Nogales'],
    10_000_040,
    {
      overlayId: 'ports',
      featureId: 'nogales',
    },
  ),
  entry('Grupo Beta Nogales', ['Grupo Beta Nogales'], 10_000_045),
  entry('Matamoros', ['Matamoros'], 449_815),
  entry('Ciudad Juárez', ['Ciudad Juárez'], 1_321_004),
  entry('Altar Valley', ['Altar Valley', 'Valle de Altar'], 10_000_010),
  entry('Río Bravo', ['Rio Grande', 'Río Bravo'], 0),
]);
const labels = (query: string) => searchPlaces(places, query).map((e) => e.label);

describe('place search', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalise('  Ciudad  JUÁREZ ')).toBe('ciudad juarez');
    expect(normalise('Nogales–(DeConcini)')).toBe('nogales deconcini');
    expect(labels('juarez')).toEqual(['Ciudad Juárez']);
    expect(labels('RIO BRAVO')).toEqual(['Río Bravo']);
  });

  it('finds a place by its name in either language', () => {
    expect(labels('valle de altar')).toEqual(['Altar Valley']);
    expect(labels('altar valley')).toEqual(['Altar Valley']);
    expect(labels('rio grande')).toEqual(['Río Bravo']);
  });

  it('lists exact names first, then names that start so, then words, then anything containing it', () => {
    expect(labels('nogales')).toEqual(['Nogales – Nogales (DeConcini)', 'Nogales', 'Nogales', 'Grupo Beta Nogales']);
    expect(labels('ales')).toEqual(['Grupo Beta Nogales', 'Nogales – Nogales (DeConcini)', 'Nogales', 'Nogales']);
    expect(labels('beta')).toEqual(['Grupo Beta Nogales']);
  });

  it('puts the bigger town first among equal matches, and finds nothing for nothing', () => {
    const towns = searchPlaces(places, 'nogales').filter((e) => !e.overlayId && e.label === 'Nogales');
    expect(towns.map((e) => e.weight)).toEqual([212_533, 20_252]);
    expect(labels('   ')).toEqual([]);
    expect(labels('zzz')).toEqual([]);
  });
});

describe('place search box', () => {
  it('is a combobox a keyboard drives: type, arrow down, Enter goes to the place', async () => {
    const chosen: SearchEntry[] = [];
    renderPage(<PlaceSearchBox index={places} onChoose={(e) => chosen.push(e)} />, { language: 'es' });
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Buscar un lugar' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await user.type(box, 'nogales');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent?.split(' · ')[0])).toEqual([
      'Nogales – Nogales (DeConcini)',
      'Nogales',
      'Nogales',
      'Grupo Beta Nogales',
    ]);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(chosen.map((e) => e.weight)).toEqual([212_533]);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('Nogales');
  });

  it('says so when nothing matches, and Escape closes the list', async () => {
    renderPage(<PlaceSearchBox index={places} onChoose={() => undefined} />);
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Find a place' });
    await user.type(box, 'zzz');
    expect(screen.getByRole('listbox').textContent).toBe('No place by that name.');
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });
});
