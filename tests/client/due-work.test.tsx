import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SetAsideWork } from '@shared/due-work/contract.js';
import { dueWorkLiveBridge } from '@client/features/due-work/live-bridge.js';
import { SetAsidePage } from '@client/features/due-work/components/set-aside-page.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const aSetAside = (over: Partial<SetAsideWork> = {}): SetAsideWork => ({
  id: crypto.randomUUID(),
  kind: 'incident.escalation',
  subjectId: '6f1c2a51-9a55-4d39-9f0c-0b2a0c3f4e11',
  reason: 'attempts',
  attempts: 10,
  lastError: 'Error: connection terminated unexpectedly',
  dueAt: '2026-07-04T20:00:00.000Z',
  setAsideAt: '2026-07-04T20:30:00.000Z',
  ...over,
});
const admin = aUser({ role: 'admin', mechanismId: null });
const page = (language: 'en' | 'es' = 'en') =>
  renderPage(<SetAsidePage />, { user: admin, language, bridges: [dueWorkLiveBridge] });
const rows = () => within(screen.getByTestId('set-aside-work')).getAllByRole('row').slice(1);

describe('work set aside, for administrators', () => {
  it('says in Spanish what each piece of work was, why it stopped, and puts it back in the queue', async () => {
    const escalation = aSetAside();
    const unreadable = aSetAside({
      kind: 'liaison.coverage-gap',
      subjectId: 'san-diego-tijuana',
      reason: 'payload',
      attempts: 1,
      lastError: 'Error: payload of "liaison.coverage-gap" does not parse: ✖ Invalid input → at version',
    });
    let listed = [escalation, unreadable];
    const server = fakeServer({
      'GET /api/due-work/set-aside': () => json(200, listed),
      [`POST /api/due-work/${escalation.id}/retry`]: () => {
        listed = [unreadable];
        return new Response(null, { status: 204 });
      },
    });
    page('es');

    expect(screen.getByRole('heading', { name: 'Tareas apartadas' })).toBeInTheDocument();
    await screen.findByTestId('set-aside-work');
    const [first, second] = rows();
    expect(first).toHaveTextContent('El escalamiento de una alerta a las mesas centrales al vencer su plazo de acuse');
    expect(first).toHaveTextContent('Falló en todos los intentos');
    expect(first).toHaveTextContent('connection terminated unexpectedly');
    expect(within(first!).getByText('10')).toBeInTheDocument();
    expect(second).toHaveTextContent('Un aviso de un próximo hueco de cobertura en la guardia de un mecanismo');
    expect(second).toHaveTextContent('Sus datos no se pudieron leer');
    expect(second).toHaveTextContent('san-diego-tijuana');
    // No raw kind names in Spanish.
    expect(screen.queryByText(/incident\.escalation/)).toBeNull();

    await userEvent.click(within(first!).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByRole('status')).toHaveTextContent('De vuelta en la cola');
    expect(server.to(`POST /api/due-work/${escalation.id}/retry`)).toHaveLength(1);
    await screen.findByText('Sus datos no se pudieron leer');
    expect(rows()).toHaveLength(1);
  });

  it('says so when someone retried the work first, and shows the list as it is now', async () => {
    const work = aSetAside({ kind: 'report.weekly-digest' });
    let listed = [work];
    fakeServer({
      'GET /api/due-work/set-aside': () => json(200, listed),
      [`POST /api/due-work/${work.id}/retry`]: () => {
        listed = [];
        return json(404, {
          statusCode: 404,
          code: 'not_found',
          message: 'This work is no longer set aside (someone retried it already).',
          messageEs: 'Esta tarea ya no está apartada (alguien ya la reintentó).',
        });
      },
    });
    page();

    // A kind this version doesn't know is still listed, and said to be unknown.
    expect(await screen.findByText(/Work this version of the console does not know/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no longer set aside');
    expect(await screen.findByText('No work is set aside.')).toBeInTheDocument();
  });

  it('reads the list again when work is set aside meanwhile', async () => {
    let listed: SetAsideWork[] = [];
    fakeServer({ 'GET /api/due-work/set-aside': () => json(200, listed) });
    const { emit } = page();
    expect(await screen.findByText('No work is set aside.')).toBeInTheDocument();

    const work = aSetAside({ kind: 'advisory.expiry', subjectId: 'advisory-1' });
    listed = [work];
    emit({ seq: 1, kind: 'due-work.set-aside', data: { workId: work.id, kind: work.kind, subjectId: work.subjectId } });
    expect(await screen.findByText("An advisory's end at its expiry")).toBeInTheDocument();
  });
});
