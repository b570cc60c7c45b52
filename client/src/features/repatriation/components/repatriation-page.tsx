import { Link } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { weekAt } from '@shared/repatriation/wall-clock.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { usePorts } from '@client/features/reference/index.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useCan } from '@client/lib/use-can.js';
import { useArrangements } from '../api/list-arrangements.js';
import { useMovements } from '../api/list-movements.js';
import { useWindows } from '../api/list-windows.js';
import { shortPortName, zoneOfPort } from '../port-clock.js';
import { CheckForm } from './check-form.js';
import { MovementsList } from './movements-list.js';
import { PortSchedule, type WeekShift } from './port-schedule.js';
import '../repatriation.css';

const pageSearch = z.object({
  port: z.string().optional().catch(undefined),
  /** The Monday of the week shown ("2026-12-14"); absent: this week. */
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Repatriation (Plan of Action VI): a port's week of windows on its clock, the check-and-plan
 * form with the engine's answer as it is typed, and the port's movements with their consular
 * notice and reception, all following live events.
 */
export function RepatriationPage() {
  const { t, describeError } = useI18n();
  const can = useCan();
  const now = useNow(60_000);
  const [search, setSearch] = useValidatedSearchParams(pageSearch);
  const arrangements = useArrangements();
  const ports = usePorts();

  const designated = (ports.data ?? []).filter((p) => arrangements.data?.some((a) => a.portIds.includes(p.id)));
  const port = designated.find((p) => p.id === search.port) ?? designated[0];
  const arrangement = port && arrangements.data?.find((a) => a.portIds.includes(port.id));
  const zone = port ? zoneOfPort(port.id, designated, arrangements.data ?? []) : 'UTC';
  const thisWeek = weekAt(now, zone);
  const monday = thisWeek[0]!.start;
  // Noon UTC on a Monday is that Monday on every clock of the border.
  const shownAt = search.week ? Date.parse(`${search.week}T12:00:00Z`) : NaN;
  const week = Number.isFinite(shownAt) ? weekAt(shownAt, zone) : thisWeek;
  const showWeek = (which: WeekShift) => {
    const target =
      which === 'this'
        ? thisWeek[0]!.date
        : Temporal.PlainDate.from(week[0]!.date)
            .add({ weeks: which === 'next' ? 1 : -1 })
            .toString();
    setSearch({ week: target === thisWeek[0]!.date ? undefined : target });
  };
  // The week shown and this week through the next: the status line names the next window even on a Sunday night.
  const from = Math.min(monday, week[0]!.start);
  const to = Math.max(monday, week[0]!.start) + 14 * DAY;
  const windows = useWindows(port ? { port: port.id, from: iso(from), to: iso(to) } : null);
  const movements = useMovements(port ? { port: port.id, from: iso(monday), to: iso(monday + 14 * DAY) } : null);

  const failure = arrangements.error ?? ports.error;
  if (failure) {
    return (
      <section className="page">
        <ErrorWithRetry
          error={failure}
          onRetry={() => {
            void arrangements.refetch();
            void ports.refetch();
          }}
        />
      </section>
    );
  }
  if (!ports.data || !arrangements.data) return <p className="page-message">{t('shell.loading')}</p>;

  return (
    <section className="page repatriation-page" data-testid="repatriation-page">
      <header className="page-header">
        <h1>{t('nav.repatriation')}</h1>
        <label className="port-picker">
          <span>{t('repatriation.port')}</span>
          <select value={port?.id ?? ''} onChange={(e) => setSearch({ port: e.target.value })} data-testid="page-port">
            {designated.map((p) => (
              <option key={p.id} value={p.id}>
                {shortPortName(p)}
              </option>
            ))}
          </select>
        </label>
        {can('arrangement.edit') && (
          <Link to="/repatriation/arrangements" className="button">
            {t('repatriation.arrangements')}
          </Link>
        )}
      </header>
      {!port || !arrangement ? (
        <p className="muted">{t('repatriation.noArrangements')}</p>
      ) : (
        <div className="repatriation-grid">
          <PortSchedule
            port={port}
            arrangement={arrangement}
            week={week}
            isThisWeek={week[0]!.date === thisWeek[0]!.date}
            onShowWeek={showWeek}
            windows={windows.data ?? []}
            now={now}
          />
          <CheckForm
            ports={ports.data}
            arrangements={arrangements.data}
            portId={port.id}
            onSaved={(movement) => setSearch({ port: movement.portId })}
          />
          <section aria-labelledby="movements-title" className="movements-panel">
            <h2 id="movements-title">{t('repatriation.movementsTitle', { port: shortPortName(port) })}</h2>
            {windows.error ? (
              <p role="alert" className="error">
                {describeError(windows.error)}
              </p>
            ) : null}
            {movements.error ? (
              <p role="alert" className="error">
                {describeError(movements.error)}
              </p>
            ) : movements.data ? (
              <MovementsList movements={movements.data} ports={ports.data} arrangements={arrangements.data} now={now} />
            ) : (
              <p className="muted">{t('shell.loading')}</p>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
