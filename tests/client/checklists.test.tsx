import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Checklist, IncidentChecklists } from '@shared/checklists/contract.js';
import { stepsWithTicks, suggestedChecklists } from '@shared/checklists/rules.js';
import { ChecklistPanel } from '@client/features/checklists/components/checklist-panel.js';
import { checklistsManifest } from '@client/features/checklists/index.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const incident = {
  id: '11111111-1111-4111-8111-111111111111',
  mechanismId: 'san-diego-tijuana',
  reportedBy: 'someone',
};
const base = `/api/incidents/${incident.id}/checklists`;

const aChecklist = (ticks: { stepId: string; by: string; at: string }[] = []): Checklist => ({
  id: '22222222-2222-4222-8222-222222222222',
  incidentId: incident.id,
  kind: 'bomb_threat',
  startedBy: 'Rodrigo Ficticio',
  startedAt: '2026-07-04T20:00:00.000Z',
  steps: stepsWithTicks('bomb_threat', ticks),
});
const listOf = (checklists: Checklist[], over: Partial<IncidentChecklists> = {}): IncidentChecklists => ({
  checklists,
  suggested: ['bomb_threat'],
  readOnlyReason: null,
  ...over,
});

const render = (options: Parameters<typeof renderPage>[1] = {}) =>
  renderPage(<ChecklistPanel incident={incident} timeZone="America/Tijuana" />, {
    bridges: [checklistsManifest.liveBridge!],
    ...options,
  });

describe('checklist panel', () => {
  it('starts the suggested checklist and ticks a step, showing who and when and which side', async () => {
    const user = userEvent.setup();
    const at = '2026-07-04T21:00:00.000Z';
    const server = fakeServer({
      [`GET ${base}`]: () => json(200, listOf([])),
      [`POST ${base}`]: () => json(201, aChecklist()),
      [`PUT ${base}/bomb_threat/steps/evacuate_us`]: () =>
        json(200, aChecklist([{ stepId: 'evacuate_us', by: 'Jordan Placeholder', at }])),
    });
    render();
    expect(await screen.findByText('No checklist started yet.')).toBeInTheDocument();
    expect(screen.getByTestId('checklist-kind')).toHaveDisplayValue('Bomb threat (suggested)');
    await user.click(screen.getByTestId('checklist-start'));
    expect(server.to(`POST ${base}`)[0]!.body).toEqual({ kind: 'bomb_threat' });

    const checklist = await screen.findByTestId('checklist');
    expect(within(checklist).getByTestId('checklist-progress')).toHaveTextContent('0 of 7 done');
    const evacuate = within(checklist)
      .getAllByTestId('checklist-step')
      .find((li) => li.dataset.step === 'evacuate_us')!;
    expect(evacuate).toHaveTextContent('Evacuate and cordon off the U.S. side of the crossing.');
    expect(evacuate).toHaveTextContent('U.S. side');
    // Once started, the kind is not offered again.
    expect(screen.queryByRole('option', { name: /Bomb threat/ })).not.toBeInTheDocument();

    await user.click(within(evacuate).getByRole('checkbox'));
    expect(server.to(`PUT ${base}/bomb_threat/steps/evacuate_us`)[0]!.body).toEqual({ done: true });
    expect(await within(evacuate).findByText(/done by Jordan Placeholder/)).toBeInTheDocument();
    expect(evacuate).toHaveTextContent('2:00 PM PDT');
    expect(within(evacuate).getByRole('checkbox')).toBeChecked();
    expect(within(checklist).getByTestId('checklist-progress')).toHaveTextContent('1 of 7 done');
  });

  it('preselects the migrants-in-distress checklist on a migrants-in-distress incident, never bomb threat', async () => {
    const user = userEvent.setup();
    const server = fakeServer({
      // What the server answers for the type: the shared rule itself.
      [`GET ${base}`]: () => json(200, listOf([], { suggested: suggestedChecklists('migrant_distress') })),
      [`POST ${base}`]: () =>
        json(201, { ...aChecklist(), kind: 'migrant_distress', steps: stepsWithTicks('migrant_distress', []) }),
    });
    render();
    const picker = await screen.findByTestId('checklist-kind');
    expect(picker).toHaveDisplayValue('Migrants in distress (suggested)');
    expect(picker).not.toHaveDisplayValue(/Bomb threat/);
    // It names what it follows.
    expect(screen.getByTestId('checklist-sources')).toHaveTextContent(
      'Follows: Plan of Action for Cooperation on Border Safety (2001), sections I, V, VI;',
    );
    await user.click(screen.getByTestId('checklist-start'));
    expect(server.to(`POST ${base}`)[0]!.body).toEqual({ kind: 'migrant_distress' });
    const checklist = await screen.findByTestId('checklist');
    expect(within(checklist).getAllByTestId('checklist-step')[1]).toHaveTextContent('BORSTAR');
    expect(within(checklist).getAllByTestId('checklist-step')[1]).toHaveTextContent('U.S. side');
  });

  it('preselects nothing when the incident’s type suggests no checklist, until the officer chooses', async () => {
    const user = userEvent.setup();
    const server = fakeServer({
      [`GET ${base}`]: () => json(200, listOf([], { suggested: [] })),
      [`POST ${base}`]: () => json(201, aChecklist()),
    });
    render({ language: 'es' });
    const picker = await screen.findByTestId('checklist-kind');
    expect(picker).toHaveDisplayValue('Elija una emergencia…');
    expect(screen.getByTestId('checklist-start')).toBeDisabled();
    expect(screen.queryByTestId('checklist-sources')).not.toBeInTheDocument();
    await user.selectOptions(picker, 'drowning');
    expect(picker).toHaveDisplayValue('Ahogamiento');
    await user.click(screen.getByTestId('checklist-start'));
    expect(server.to(`POST ${base}`)[0]!.body).toEqual({ kind: 'drowning' });
  });

  it('shows the other side’s tick live, in Spanish', async () => {
    fakeServer({ [`GET ${base}`]: () => json(200, listOf([aChecklist()])) });
    const view = render({ language: 'es', user: aUser({ role: 'consular', country: 'MX' }) });
    const checklist = await screen.findByTestId('checklist');
    expect(checklist).toHaveTextContent('Amenaza de bomba');
    const after = aChecklist([{ stepId: 'evacuate_mx', by: 'Jordan Placeholder', at: '2026-07-04T21:05:00.000Z' }]);
    view.emit({
      seq: 4,
      kind: 'checklist.updated',
      data: {
        incidentId: incident.id,
        checklistId: after.id,
        kind: 'bomb_threat',
        stepId: 'evacuate_mx',
        done: true,
        by: 'Jordan Placeholder',
        at: '2026-07-04T21:05:00.000Z',
        checklist: after,
      },
    });
    const step = within(checklist)
      .getAllByTestId('checklist-step')
      .find((li) => li.dataset.step === 'evacuate_mx')!;
    expect(await within(step).findByText(/hecho por Jordan Placeholder/)).toBeInTheDocument();
    expect(step).toHaveTextContent('Evacuar y acordonar el lado mexicano del cruce.');
    expect(step).toHaveTextContent('Lado mexicano');
    expect(within(step).getByRole('checkbox')).toBeChecked();
  });

  it('is read-only on a closed incident, saying why, and for officers of another mechanism', async () => {
    fakeServer({
      [`GET ${base}`]: () =>
        json(
          200,
          listOf([aChecklist()], {
            readOnlyReason: {
              en: 'The incident is closed: its checklists are read-only.',
              es: 'El incidente está cerrado: sus listas son de solo lectura.',
            },
          }),
        ),
    });
    const view = render();
    expect(await screen.findByTestId('checklists-read-only')).toHaveTextContent(
      'Read only: The incident is closed: its checklists are read-only.',
    );
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(screen.queryByTestId('checklist-start')).not.toBeInTheDocument();
    view.unmount();

    fakeServer({ [`GET ${base}`]: () => json(200, listOf([aChecklist()])) });
    render({ user: aUser({ mechanismId: 'laredo-nuevo-laredo' }) });
    expect(await screen.findByText(/Only officers of the incident’s liaison mechanism/)).toBeInTheDocument();
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
  });
});
