import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement } from '@shared/repatriation/contract.js';
import { weekdayLabels } from '@shared/repatriation/messages.js';
import { usePorts } from '@client/features/reference/index.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useArrangements } from '../api/list-arrangements.js';
import { useDeleteArrangement } from '../api/save-arrangement.js';
import { shortPortName } from '../port-clock.js';
import { ArrangementEditor } from './arrangement-editor.js';
import { Provenance } from './provenance.js';
import '../repatriation.css';

const pageSearch = z.object({ edit: z.string().optional().catch(undefined) });

/** "Mon–Fri 08:00–18:00": a window's days as ranges of consecutive weekdays. */
function daysText(days: readonly number[], language: 'en' | 'es'): string {
  const sorted = [...days].sort((a, b) => a - b);
  const short = (d: number) => weekdayLabels[d]![language].slice(0, 3);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(
      j > i + 1
        ? `${short(sorted[i]!)}–${short(sorted[j]!)}`
        : sorted
            .slice(i, j + 1)
            .map(short)
            .join(', '),
    );
    i = j;
  }
  return runs.join(', ');
}

/** Supervisors and admins: the local arrangements, each editable with a preview of its week. */
export function ArrangementsPage() {
  const { t, language, describeError } = useI18n();
  const [search, setSearch] = useValidatedSearchParams(pageSearch);
  const arrangements = useArrangements();
  const ports = usePorts();
  const remove = useDeleteArrangement();
  const [confirming, setConfirming] = useState<string | null>(null);

  const failure = arrangements.error ?? ports.error;
  if (failure) {
    return (
      <p role="alert" className="error page-message">
        {describeError(failure)}
      </p>
    );
  }
  if (!arrangements.data || !ports.data) return <p className="page-message">{t('shell.loading')}</p>;
  const editing = search.edit === 'new' ? null : arrangements.data.find((a) => a.id === search.edit);
  const nameOf = (id: string) => {
    const port = ports.data.find((p: Port) => p.id === id);
    return port ? shortPortName(port) : id;
  };

  return (
    <section className="page arrangements-page" data-testid="arrangements-page">
      <header className="page-header">
        <h1>{t('repatriation.arrangements')}</h1>
        <Link to="/repatriation" className="button">
          {t('repatriation.backToSchedule')}
        </Link>
        <button
          type="button"
          className="primary"
          onClick={() => setSearch({ edit: 'new' })}
          data-testid="new-arrangement"
        >
          {t('repatriation.newArrangement')}
        </button>
      </header>
      <div className="arrangements-grid">
        <ul className="arrangement-cards">
          {arrangements.data.map((a: Arrangement) => (
            <li
              key={a.id}
              className={`arrangement-card ${a.id === search.edit ? 'selected' : ''}`}
              data-testid="arrangement-card"
            >
              <h2>
                {a.name}
                {a.illustrative && (
                  <span className="badge illustrative" title={t('repatriation.illustrativeTitle')}>
                    {t('repatriation.illustrative')}
                  </span>
                )}
              </h2>
              <p>{a.portIds.map(nameOf).join(' · ')}</p>
              <ul className="muted">
                {a.windows.map((w, i) => (
                  <li key={i}>
                    {daysText(w.days, language)} {w.start}–{w.end}
                  </li>
                ))}
                <li>
                  {t('repatriation.daylightRule', { start: a.vulnerableWindow.start, end: a.vulnerableWindow.end })}
                </li>
                <li>
                  {t('repatriation.noticeRule', { hours: a.noticeHours, exConvictHours: a.exConvict.noticeHours })}
                </li>
                <li>{t('repatriation.capacityRule', { capacity: a.capacityPerWindow })}</li>
              </ul>
              <Provenance arrangement={a} />
              <div className="form-actions">
                <button type="button" onClick={() => setSearch({ edit: a.id })} data-testid="edit-arrangement">
                  {t('repatriation.edit')}
                </button>
                {confirming === a.id ? (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => remove.mutate(a.id, { onSettled: () => setConfirming(null) })}
                  >
                    {t('repatriation.confirmDelete')}
                  </button>
                ) : (
                  <button type="button" onClick={() => setConfirming(a.id)}>
                    {t('repatriation.delete')}
                  </button>
                )}
              </div>
              {remove.error && remove.variables === a.id ? (
                <p role="alert" className="error">
                  {describeError(remove.error)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {search.edit !== undefined && (editing || search.edit === 'new') && (
          <ArrangementEditor
            key={editing?.id ?? 'new'}
            arrangement={editing ?? null}
            arrangements={arrangements.data}
            ports={ports.data}
            onClose={() => setSearch({ edit: undefined })}
          />
        )}
      </div>
    </section>
  );
}
