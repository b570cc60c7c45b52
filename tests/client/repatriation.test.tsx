import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement, Movement } from '@shared/repatriation/contract.js';
import { referenceManifest } from '@client/features/reference/index.js';
import { repatriationManifest } from '@client/features/repatriation/index.js';
import { ArrangementsPage } from '@client/features/repatriation/components/arrangements-page.js';
import { RepatriationPage } from '@client/features/repatriation/components/repatriation-page.js';
import { aPort, aUser } from './support/factories.js';
import { fakeServer, json, type Request } from './support/fake-server.js';
import { renderPage } from './support/render.js';

/** Saturday 4 July 2026, 14:00 at Tijuana (PDT). */
const now = Date.parse('2026-07-04T21:00:00Z');
const bridges = [referenceManifest.liveBridge!, repatriationManifest.liveBridge!];

const anArrangement = (overrides: Partial<Arrangement> = {}): Arrangement => ({
  id: 'lra-california-baja-california',
  name: 'California – Baja California',
  portIds: ['san-ysidro'],
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '22:00' }],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: ['san-ysidro'] },
  capacityPerWindow: 200,
  illustrative: true,
  basis: 'Tijuana: unaccompanied minors not repatriated after 18:00.',
  sources: ['diariotijuana-2020'],
  version: 1,
  updatedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

const aMovement = (overrides: Partial<Movement> = {}): Movement => ({
  id: crypto.randomUUID(),
  portId: 'san-ysidro',
  arrangementId: 'lra-california-baja-california',
  mechanismId: 'san-diego-tijuana',
  fromFacility: 'Otay Mesa Detention Center',
  at: '2026-07-06T17:00:00.000Z',
  persons: [{ nationality: 'MX', category: 'adult_female' }],
  status: 'planned',
  exercise: false,
  noticeDueAt: '2026-07-05T17:00:00.000Z',
  consularNotice: null,
  reception: null,
  cancellation: null,
  plannedBy: { id: crypto.randomUUID(), name: 'Jordan Placeholder' },
  version: 1,
  createdAt: '2026-07-04T20:00:00.000Z',
  updatedAt: '2026-07-04T20:00:00.000Z',
  ...overrides,
});

/** The API the page reads, with today's windows (06:00–22:00 PDT) computed as the server would. */
function repatriationServer(
  options: { port?: Partial<Port>; movements?: Movement[]; plan?: (r: Request) => Response } = {},
) {
  return fakeServer({
    'GET /api/ports': () => json(200, [aPort(options.port)]),
    'GET /api/repatriation/arrangements': () => json(200, [anArrangement()]),
    'GET /api/repatriation/windows': () =>
      json(200, [
        {
          portId: 'san-ysidro',
          arrangementId: 'lra-california-baja-california',
          start: '2026-07-04T06:00:00-07:00',
          end: '2026-07-04T22:00:00-07:00',
          vulnerableStart: '2026-07-04T08:00:00-07:00',
          vulnerableEnd: '2026-07-04T18:00:00-07:00',
        },
      ]),
    'GET /api/repatriation/movements': () => json(200, options.movements ?? []),
    ...(options.plan ? { 'POST /api/repatriation/movements': options.plan } : {}),
  });
}

const renderRepatriation = (options: { language?: 'en' | 'es'; user?: ReturnType<typeof aUser> } = {}) =>
  renderPage(<RepatriationPage />, {
    url: '/repatriation?port=san-ysidro',
    route: '/repatriation',
    now,
    bridges,
    ...options,
  });

/** Types the date (`YYYY-MM-DD`) in the order the page's language writes it, and the time, into the check form. */
async function typeWhen(date: string, time: string) {
  const form = screen.getByTestId('check-form');
  const dateInput = form.querySelector<HTMLInputElement>('input[name=at-date]')!;
  const [year, month, day] = date.split('-');
  const spanish = dateInput.placeholder === 'dd/mm/aaaa';
  fireEvent.change(dateInput, { target: { value: spanish ? `${day}/${month}/${year}` : `${month}/${day}/${year}` } });
  const timeInput = form.querySelector<HTMLInputElement>('input[name=at-time]')!;
  await userEvent.clear(timeInput);
  await userEvent.type(timeInput, time);
}

describe('repatriation page', () => {
  it('shows the port’s week on its clock with the status line, and the illustrative label', async () => {
    repatriationServer();
    renderRepatriation({ language: 'es' });
    await screen.findByTestId('port-schedule');
    await waitFor(() =>
      expect(screen.getByTestId('status-line')).toHaveTextContent('Abierto para repatriación hasta las 22:00 PDT'),
    );
    expect(screen.getByTestId('illustrative')).toHaveTextContent('ilustrativo');
    expect(screen.getAllByTestId('ics-link')[0]).toHaveAttribute(
      'href',
      expect.stringContaining('/api/repatriation/schedule.ics?port=san-ysidro'),
    );
  });

  it('goes to the next and previous weeks of the port, asking the server for the week shown', async () => {
    const server = repatriationServer();
    const { router } = renderRepatriation({ language: 'es' });
    const caption = await screen.findByTestId('week-caption');
    expect(caption).toHaveTextContent('Ventanas de esta semana, hora del puerto (PDT)');
    const days = () => [...document.querySelectorAll('.week > li')].map((li) => li.getAttribute('data-date'));
    expect(days()[0]).toBe('2026-06-29');

    await userEvent.click(screen.getByRole('button', { name: 'Semana siguiente →' }));
    await waitFor(() => expect(days()[0]).toBe('2026-07-06'));
    expect(caption).toHaveTextContent('Ventanas de la semana del 6 de julio de 2026, hora del puerto (PDT)');
    expect(router.state.location.search).toContain('week=2026-07-06');
    // The week shown is asked for, with this week still in reach of the status line.
    await waitFor(() =>
      expect(server.to('GET /api/repatriation/windows').at(-1)!.params.get('to')).toBe('2026-07-20T07:00:00.000Z'),
    );
    expect(server.to('GET /api/repatriation/windows').at(-1)!.params.get('from')).toBe('2026-06-29T07:00:00.000Z');

    await userEvent.click(screen.getByRole('button', { name: 'Esta semana' }));
    await waitFor(() => expect(days()[0]).toBe('2026-06-29'));
    expect(router.state.location.search).not.toContain('week=');
    await userEvent.click(screen.getByRole('button', { name: '← Semana anterior' }));
    await waitFor(() => expect(days()[0]).toBe('2026-06-22'));
  });

  it('answers in the browser as the officer types: every broken rule in Spanish, then allowed in a suggested slot, without asking the server', async () => {
    const server = repatriationServer();
    renderRepatriation({ language: 'es' });
    const form = await screen.findByTestId('check-form');
    await userEvent.selectOptions(within(form).getAllByRole('combobox')[2]!, 'unaccompanied_minor');
    await typeWhen('2026-07-06', '20:00');

    const verdict = await screen.findByTestId('verdict');
    await waitFor(() => expect(verdict).toHaveAttribute('data-codes', 'VULNERABLE_OUTSIDE_DAYLIGHT'));
    expect(verdict).toHaveTextContent('No permitido');
    expect(verdict).toHaveTextContent(
      'Persona 1 (menor no acompañado) solo puede ser repatriada en horario diurno (08:00–18:00 PDT)',
    );
    expect(screen.getAllByTestId('person-row')[0]).toHaveClass('person-flagged');

    await userEvent.click(within(verdict).getAllByTestId('move-to-slot')[0]!);
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-allowed', 'true'));
    expect(form.querySelector<HTMLInputElement>('input[name=at-date]')!.value).toBe('07/07/2026');
    expect(form.querySelector<HTMLInputElement>('input[name=at-time]')!.value).toBe('08:00');
    expect(server.to('POST /api/repatriation/check')).toHaveLength(0);
  });

  it('shows the server’s refusal when saving is refused (422), and sends the time with the port’s offset', async () => {
    const server = repatriationServer({
      plan: () =>
        json(422, {
          statusCode: 422,
          code: 'not_allowed',
          message: 'Not allowed: 1 rule is broken.',
          messageEs: 'No permitido: se incumple 1 regla.',
          violations: [
            { code: 'CAPACITY_EXCEEDED', message: { en: 'The window is full.', es: 'La ventana está llena.' } },
          ],
          nextWindows: [],
        }),
    });
    renderRepatriation({ language: 'es' });
    const form = await screen.findByTestId('check-form');
    await typeWhen('2026-07-06', '10:00');
    await userEvent.type(form.querySelector('input[name=fromFacility]')!, 'Centro de Otay Mesa');
    await userEvent.click(screen.getByTestId('save-movement'));

    const refusal = await screen.findByTestId('server-verdict');
    expect(refusal).toHaveTextContent('La ventana está llena.');
    expect(refusal).toHaveTextContent('respuesta del servidor');
    expect(server.to('POST /api/repatriation/movements')[0]!.body).toMatchObject({
      portId: 'san-ysidro',
      at: '2026-07-06T10:00:00-07:00',
      fromFacility: 'Centro de Otay Mesa',
      persons: [{ nationality: 'MX', category: 'adult_male' }],
    });
  });

  it('puts a movement planned elsewhere into the list live and lets the Mexican side confirm it, without reloading the list', async () => {
    const server = repatriationServer();
    const { emit } = renderRepatriation({
      user: aUser({ role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' }),
    });
    await screen.findByText('No movements planned for this week or the next.');
    // The page's list and the browser engine's range: read once each, then kept by live events.
    await waitFor(() => expect(server.to('GET /api/repatriation/movements')).toHaveLength(2));

    // Today 15:30 at Tijuana, an hour and a half from now: reception can be confirmed.
    const movement = aMovement({ at: '2026-07-04T22:30:00.000Z' });
    emit({ seq: 7, kind: 'repatriation.planned', data: { movementId: movement.id, movement } });
    const row = await screen.findByTestId('movement-row');
    expect(row).toHaveTextContent('Otay Mesa Detention Center');
    expect(within(row).getByTestId('action-confirm')).toBeEnabled();
    expect(within(row).getByTestId('action-cancel')).toBeDisabled();
    expect(server.to('GET /api/repatriation/movements')).toHaveLength(2);

    const received = {
      ...movement,
      status: 'confirmed' as const,
      version: 2,
      reception: { at: '2026-07-04T21:00:00.000Z', by: 'Rodrigo Ficticio', received: 1 },
    };
    emit({ seq: 8, kind: 'repatriation.confirmed', data: { movementId: movement.id, movement: received } });
    await waitFor(() => expect(screen.getByTestId('movement-row')).toHaveAttribute('data-status', 'confirmed'));
    expect(server.to('GET /api/repatriation/movements')).toHaveLength(2);
  });

  it('plans a drill: the box is sent, the browser checks it against drills only, and it is marked SIMULACRO', async () => {
    // A real movement already holds family F-1 on Monday.
    const real = aMovement({ persons: [{ nationality: 'MX', category: 'adult_female', familyId: 'F-1' }] });
    // The server's list holds what was planned, so a refetch after the save shows both.
    const movements = [real];
    const server = repatriationServer({
      movements,
      plan: (request) => {
        const planned = aMovement({
          ...(request.body as Partial<Movement>),
          at: '2026-07-06T17:00:00.000Z',
          exercise: true,
        });
        movements.push(planned);
        return json(201, planned);
      },
    });
    const { emit } = renderRepatriation({ language: 'es' });
    const form = await screen.findByTestId('check-form');
    expect(within(form).getByText('Simulacro')).toBeVisible();
    await typeWhen('2026-07-06', '10:00');
    await userEvent.type(form.querySelector('input[name="persons.0.familyId"]')!, 'F-1');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-codes', 'FAMILY_SPLIT'));

    await userEvent.click(screen.getByTestId('exercise-checkbox'));
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-allowed', 'true'));
    await userEvent.type(form.querySelector('input[name=fromFacility]')!, 'Centro de Otay Mesa');
    await userEvent.click(screen.getByTestId('save-movement'));

    const saved = await screen.findByTestId('saved-movement');
    expect(within(saved).getByTestId('exercise-badge')).toHaveTextContent('SIMULACRO');
    const [sent] = server.to('POST /api/repatriation/movements');
    expect(sent!.body).toMatchObject({ exercise: true, persons: [{ familyId: 'F-1' }] });

    // The planned event (as another officer would see it) changes nothing on the page that planned it.
    const drill = movements[1]!;
    emit({ seq: 7, kind: 'repatriation.planned', data: { movementId: drill.id, movement: drill } });
    // Read both rows at one moment, once both are shown.
    await waitFor(() => {
      const rows = screen.getAllByTestId('movement-row');
      expect(rows).toHaveLength(2);
      const drillRow = rows.find((row) => row.textContent!.includes('Centro de Otay Mesa'));
      const realRow = rows.find((row) => row.textContent!.includes('Otay Mesa Detention Center'));
      expect(drillRow && within(drillRow).getByTestId('exercise-badge')).toHaveTextContent('SIMULACRO');
      expect(within(drillRow!).getByTestId('exercise-badge')).toHaveAttribute(
        'title',
        'Creado en un simulacro: no cuenta en estadísticas ni reportes',
      );
      expect(realRow).toBeDefined();
      expect(within(realRow!).queryByTestId('exercise-badge')).not.toBeInTheDocument();
    });
  });

  it('tells a US officer why reception is not theirs to confirm', async () => {
    repatriationServer({ movements: [aMovement()] });
    renderRepatriation();
    const row = await screen.findByTestId('movement-row');
    expect(within(row).getByTestId('action-confirm')).toBeDisabled();
    expect(within(row).getByTestId('refusals')).toHaveTextContent(
      'Confirm reception: Reception is confirmed by the Mexican side of the port.',
    );
    expect(within(row).getByTestId('action-reschedule')).toBeEnabled();
  });

  it('starts the form fresh after saving: the saved movement is not shown refused against itself', async () => {
    const movements: Movement[] = [];
    const server = repatriationServer({
      movements,
      plan: (request) => {
        const planned = aMovement({ ...(request.body as Partial<Movement>), at: '2026-07-06T17:00:00.000Z' });
        movements.push(planned);
        return json(201, planned);
      },
    });
    renderRepatriation({ language: 'es' });
    const form = await screen.findByTestId('check-form');
    await typeWhen('2026-07-06', '10:00');
    await userEvent.type(form.querySelector('input[name="persons.0.familyId"]')!, 'F-9');
    await userEvent.type(form.querySelector('input[name=fromFacility]')!, 'Centro de Otay Mesa');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-allowed', 'true'));
    await userEvent.click(screen.getByTestId('save-movement'));

    expect(await screen.findByTestId('saved-movement')).toHaveTextContent(
      'Movimiento previsto para el lun 6 de jul, 10:00 PDT.',
    );
    expect(server.to('POST /api/repatriation/movements')).toHaveLength(1);
    // The list now holds the saved movement with family F-9; the form starts again, tomorrow at 10:00.
    await waitFor(() => expect(screen.getAllByTestId('movement-row')).toHaveLength(1));
    expect(form.querySelector<HTMLInputElement>('input[name=fromFacility]')!.value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[name="persons.0.familyId"]')!.value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[name=at-date]')!.value).toBe('05/07/2026');
    expect(form.querySelector<HTMLInputElement>('input[name=at-time]')!.value).toBe('10:00');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-allowed', 'true'));
    expect(screen.getByTestId('verdict')).not.toHaveTextContent('Se separaría a una familia');
    expect(screen.queryByTestId('server-verdict')).not.toBeInTheDocument();
  });

  it('says at the field that 99:99 is not a time, instead of silently clearing the verdict', async () => {
    repatriationServer();
    renderRepatriation({ language: 'es' });
    const form = await screen.findByTestId('check-form');
    await typeWhen('2026-07-06', '10:00');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-allowed', 'true'));

    await typeWhen('2026-07-06', '99:99');
    const time = form.querySelector<HTMLInputElement>('input[name=at-time]')!;
    const fields = time.closest('fieldset')!;
    expect(within(fields).getByRole('alert')).toHaveTextContent(
      'No es una hora del día: escríbala como HH:MM, de 00:00 a 23:59.',
    );
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();

    // A date typed in US order, which Spanish doesn't read, gets its own message.
    await typeWhen('2026-07-06', '10:00');
    await waitFor(() => expect(within(fields).queryByRole('alert')).not.toBeInTheDocument());
    fireEvent.change(form.querySelector('input[name=at-date]')!, { target: { value: '12/31/2026' } });
    expect(within(fields).getByRole('alert')).toHaveTextContent('No es una fecha');
  });

  it('refuses a year typed wrong as the officer types, naming the year and the bound', async () => {
    repatriationServer();
    renderRepatriation();
    await screen.findByTestId('check-form');
    await typeWhen('1999-01-01', '10:00');
    const verdict = await screen.findByTestId('verdict');
    await waitFor(() => expect(verdict).toHaveAttribute('data-codes', 'TIME_OUT_OF_RANGE'));
    expect(verdict).toHaveTextContent(
      'Fri, Jan 1, 1999, 10:00 PST has already passed: a movement is planned from 1 h before now (Sat, Jul 4, 13:00 PDT) up to 180 days ahead.',
    );
    await typeWhen('2099-01-02', '10:00');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveTextContent('2099'));
    expect(screen.getByTestId('verdict')).toHaveTextContent('is more than 180 days ahead');
  });

  it('tells the Mexican side from when reception can be confirmed, and shows the year of a movement in another year', async () => {
    repatriationServer({
      movements: [aMovement(), aMovement({ at: '2027-01-04T18:00:00.000Z', fromFacility: 'Next year' })],
    });
    renderRepatriation({ user: aUser({ role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' }) });
    await waitFor(() => expect(screen.getAllByTestId('movement-row')).toHaveLength(2));
    const [monday, nextYear] = screen.getAllByTestId('movement-row');
    // Monday 10:00 PDT, two days ahead: reception opens at 08:00 that day.
    expect(within(monday!).getByTestId('action-confirm')).toBeDisabled();
    expect(within(monday!).getByTestId('refusals')).toHaveTextContent(
      'Confirm reception: Reception can be confirmed from Mon, Jul 6, 08:00 PDT, 2 h before the planned time: before then no one can have been received.',
    );
    expect(monday).not.toHaveTextContent('2026');
    expect(nextYear).toHaveTextContent('Mon, Jan 4, 2027, 10:00 PST');
  });

  it('puts a negative count of received persons at its field, and sends nothing', async () => {
    const server = repatriationServer({ movements: [aMovement({ at: '2026-07-04T22:30:00.000Z' })] });
    renderRepatriation({ user: aUser({ role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' }) });
    const row = await screen.findByTestId('movement-row');
    await userEvent.click(within(row).getByTestId('action-confirm'));
    const step = within(row).getByTestId('step-confirm');
    const count = step.querySelector<HTMLInputElement>('input[name=received]')!;
    fireEvent.change(count, { target: { value: '-5' } });
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count.closest('label')).toHaveTextContent('must be at least 0');
    await userEvent.click(within(step).getByTestId('submit-confirm'));
    expect(server.requests.filter((r) => r.path.endsWith('/confirm-reception'))).toHaveLength(0);
  });

  it('shows a closure on the schedule as soon as the port.status event arrives', async () => {
    repatriationServer();
    const { emit } = renderRepatriation();
    await waitFor(() =>
      expect(screen.getByTestId('status-line')).toHaveTextContent('Open for repatriation until 22:00 PDT'),
    );

    const closed = aPort({
      status: 'closed',
      statusReason: 'bomb_threat',
      statusChangedAt: '2026-07-04T20:45:00.000Z',
      statusChangedBy: 'Dana Sample',
    });
    emit({ seq: 9, kind: 'port.status', data: { portId: 'san-ysidro', port: closed } });
    await waitFor(() => expect(screen.getByTestId('status-line')).toHaveTextContent('Port closed: no repatriation'));
    expect(screen.getByTestId('port-closure')).toHaveTextContent('bomb threat');
    // The browser's engine sees the closure too.
    await typeWhen('2026-07-06', '10:00');
    await waitFor(() => expect(screen.getByTestId('verdict')).toHaveAttribute('data-codes', 'PORT_CLOSED'));
  });
});

describe('arrangement editor', () => {
  it('refuses overlapping windows beside the field in Spanish and previews the resulting week', async () => {
    fakeServer({
      'GET /api/ports': () => json(200, [aPort()]),
      'GET /api/repatriation/arrangements': () => json(200, [anArrangement()]),
    });
    renderPage(<ArrangementsPage />, {
      url: '/repatriation/arrangements?edit=lra-california-baja-california',
      route: '/repatriation/arrangements',
      now,
      language: 'es',
      user: aUser({ role: 'supervisor', mechanismId: null }),
    });
    const preview = await screen.findByTestId('week-preview');
    expect(preview).toHaveTextContent('sábado 06:00–22:00 PDT (Vulnerables: 08:00–18:00 PDT)');

    await userEvent.click(screen.getByText('Agregar una ventana'));
    await waitFor(() =>
      expect(screen.getByTestId('arrangement-editor')).toHaveTextContent(
        'las ventanas 1 (06:00–22:00) y 2 (08:00–18:00) se traslapan el sábado',
      ),
    );
    expect(preview).toHaveTextContent('Complete el formulario para ver la semana.');
  });

  it('offers the version someone else saved meanwhile (409) and saves over that one', async () => {
    const theirs = anArrangement({ name: 'Renamed elsewhere', version: 2 });
    let saves = 0;
    const server = fakeServer({
      'GET /api/ports': () => json(200, [aPort()]),
      'GET /api/repatriation/arrangements': () => json(200, [anArrangement()]),
      'PUT /api/repatriation/arrangements/lra-california-baja-california': () =>
        ++saves === 1
          ? json(409, {
              statusCode: 409,
              code: 'version_conflict',
              message: 'Someone else changed this meanwhile.',
              messageEs: 'Alguien más lo cambió mientras tanto.',
              current: theirs,
            })
          : json(200, { ...theirs, version: 3 }),
    });
    renderPage(<ArrangementsPage />, {
      url: '/repatriation/arrangements?edit=lra-california-baja-california',
      route: '/repatriation/arrangements',
      now,
      user: aUser({ role: 'supervisor', mechanismId: null }),
    });
    await userEvent.click(await screen.findByTestId('save-arrangement'));
    await userEvent.click(await screen.findByText('Load the current version'));
    const editor = screen.getByTestId('arrangement-editor');
    expect(editor.querySelector<HTMLInputElement>('input[name=name]')!.value).toBe('Renamed elsewhere');

    await userEvent.click(screen.getByTestId('save-arrangement'));
    await screen.findByText('Arrangement saved.');
    expect(
      server.to('PUT /api/repatriation/arrangements/lra-california-baja-california').map((r) => r.body),
    ).toMatchObject([{ version: 1 }, { name: 'Renamed elsewhere', version: 2 }]);
  });
});
