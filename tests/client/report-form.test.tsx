import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { ReportIncidentPage } from '@client/features/incidents/components/report-incident-page.js';
import { anIncident } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: the location picker's map is a stand-in.
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

/** The labelled field (label, control and message) whose label reads `label`. */
function field(label: string): HTMLElement {
  const name = screen.getAllByText(label).find((element) => element.classList.contains('field-label'));
  if (!name) throw new Error(`no field labelled ${label}`);
  return name.closest('.field')!;
}
const control = (label: string) => field(label).querySelector<HTMLElement>('input, select, textarea')!;
/** The message shown beside the field, if any. */
const messageBeside = (label: string) => field(label).querySelector('.field-error')?.textContent ?? null;

const now = Date.parse('2026-07-04T21:30:00Z');

function renderForm(language: 'en' | 'es' = 'en') {
  return renderPage(
    <>
      <LanguageSwitch />
      <ReportIncidentPage />
    </>,
    { url: '/incidents/new', route: '/incidents/new', language, now },
  );
}

describe('report form', () => {
  it('words the shared schema’s objections beside each field, in English', async () => {
    const server = fakeServer({});
    renderForm('en');

    await userEvent.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(messageBeside('Summary (English or Spanish)')).toBe('must not be empty'));
    expect(messageBeside('Latitude')).toBe('is required');
    expect(messageBeside('Longitude')).toBe('is required');
    expect(messageBeside('Type')).toBeNull();
    expect(screen.getByText('Some fields need attention.')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });

  it('words them in Spanish, and re-words them when the reader switches language', async () => {
    fakeServer({});
    renderForm('es');

    await userEvent.click(screen.getByTestId('submit-incident'));
    await waitFor(() => expect(messageBeside('Resumen (en español o inglés)')).toBe('no debe estar vacío'));
    expect(messageBeside('Latitud')).toBe('es obligatorio');

    await userEvent.click(screen.getByTestId('language-en'));
    expect(messageBeside('Summary (English or Spanish)')).toBe('must not be empty');
    expect(messageBeside('Latitude')).toBe('is required');
  });

  it('shows a field error from the server’s `fields[]` on that field', async () => {
    fakeServer({
      'POST /api/incidents': () =>
        json(400, {
          statusCode: 400,
          code: 'outside_border_region',
          message: 'location.lat: is outside the border region',
          messageEs: 'location.lat: está fuera de la región fronteriza',
          fields: [
            {
              path: 'location.lat',
              message: { en: 'is outside the border region', es: 'está fuera de la región fronteriza' },
            },
          ],
        }),
    });
    renderForm('en');
    const user = userEvent.setup();

    await user.type(control('Summary (English or Spanish)'), 'Group of six near the levee');
    await user.type(control('Latitude'), '40.1');
    await user.type(control('Longitude'), '-117.03');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(messageBeside('Latitude')).toBe('is outside the border region'));
    expect(messageBeside('Longitude')).toBeNull();
    // The reason is beside its field; below the form, only that some fields need attention (no raw field names).
    expect(screen.getByText('Some fields need attention.')).toBeInTheDocument();
    expect(screen.queryByText(/location\.lat/)).not.toBeInTheDocument();

    await user.click(screen.getByTestId('language-es'));
    expect(messageBeside('Latitud')).toBe('está fuera de la región fronteriza');
  });

  it('sends the API’s body, with the reporter’s local time and UTC offset, and opens the new incident', async () => {
    const created = anIncident();
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('en');
    const user = userEvent.setup();

    await user.selectOptions(control('Type'), 'drowning');
    await user.selectOptions(control('Severity'), 'critical');
    await user.type(control('Summary (English or Spanish)'), '  Person in the river channel  ');
    await user.type(control('Latitude'), '32.53');
    await user.type(control('Longitude'), '-117.05');
    await user.clear(control('Rescued'));
    await user.type(control('Rescued'), '2');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')[0]?.body).toEqual({
      type: 'drowning',
      severity: 'critical',
      summary: 'Person in the river channel',
      location: { lat: 32.53, lon: -117.05 },
      // 21:30 UTC on the 4th of July is 14:30 in Tijuana (PDT, UTC−7).
      occurredAt: '2026-07-04T14:30:00-07:00',
      people: { rescued: 2, injured: 0, deceased: 0 },
      exercise: false,
    });
  });

  it('marks a drill: the Spanish “Simulacro” box sends exercise: true', async () => {
    const created = anIncident({ exercise: true });
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('es');
    const user = userEvent.setup();
    const drill = screen.getByRole('checkbox', { name: /Simulacro/ });
    expect(drill).not.toBeChecked();
    await user.click(drill);
    await user.type(control('Resumen (en español o inglés)'), 'Simulacro de rescate en el canal');
    await user.type(control('Latitud'), '32.53');
    await user.type(control('Longitud'), '-117.05');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({ exercise: true });
  });

  it('takes the date and time as the reader’s language writes them, and refuses a time in the future at once', async () => {
    const created = anIncident();
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    renderForm('es');
    const user = userEvent.setup();
    const date = () => screen.getByRole('textbox', { name: 'Fecha (dd/mm/aaaa)' });
    const time = () => screen.getByRole('textbox', { name: 'Hora (p. ej. 14:30)' });
    // 21:30 UTC on the 4th of July, in Tijuana: day first, 24-hour clock.
    expect(date()).toHaveValue('04/07/2026');
    expect(time()).toHaveValue('14:30');

    await user.click(screen.getByTestId('language-en'));
    expect(screen.getByRole('textbox', { name: 'Date (mm/dd/yyyy)' })).toHaveValue('07/04/2026');
    expect(screen.getByRole('textbox', { name: 'Time (e.g. 2:30 PM)' })).toHaveValue('2:30 PM');
    await user.click(screen.getByTestId('language-es'));

    await user.clear(date());
    await user.type(date(), '05/07/2026');
    expect(await screen.findByText(/no debe estar más de 10 minutos en el futuro/)).toBeInTheDocument();
    await user.clear(date());
    await user.type(date(), '04/07/2026');
    await user.clear(time());
    await user.type(time(), '9:15');
    await user.type(control('Resumen (en español o inglés)'), 'Persona en el canal');
    await user.type(control('Latitud'), '32.53');
    await user.type(control('Longitud'), '-117.05');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(server.to('POST /api/incidents')).toHaveLength(1));
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({ occurredAt: '2026-07-04T09:15:00-07:00' });
  });
});
