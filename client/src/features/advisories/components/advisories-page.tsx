import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { Advisory, AdvisoryDetail } from '@shared/advisories/contract.js';
import { isActive } from '@shared/advisories/rules.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useCan } from '@client/lib/use-can.js';
import { useCancelAdvisory } from '../api/cancel-advisory.js';
import { useAdvisory } from '../api/get-advisory.js';
import { useAdvisories } from '../api/list-advisories.js';
import { AdvisoryBadges } from './advisory-badges.js';
import { AdvisoryEditor, fieldErrorsOf } from './advisory-editor.js';
import { CapImport } from './cap-import.js';
import '../advisories.css';

const pageParams = z.object({ id: z.string().optional().catch(undefined) });

/** Active advisories first (soonest to end first), then the rest, newest first. */
function ordered(advisories: Advisory[], now: Date): Advisory[] {
  const active = advisories.filter((a) => isActive(a, now)).sort((a, b) => a.validTo.localeCompare(b.validTo));
  const rest = advisories.filter((a) => !isActive(a, now)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return [...active, ...rest];
}

/** Weather advisories (Plan of Action V): the list, the editor, publication, and the public CAP feed. */
export function AdvisoriesPage() {
  const { t, pick, formatTime } = useI18n();
  const clock = useClock();
  const can = useCan();
  const [params, setParams] = useValidatedSearchParams(pageParams);
  const [creating, setCreating] = useState(false);
  const list = useAdvisories(false);
  const selected = params.id ?? null;
  const writer = can('advisory.write');
  const detail = useRef<HTMLElement>(null);
  // On a narrow screen the advisory opened sits above a long list: bring it into view.
  useEffect(() => {
    if ((selected || creating) && window.matchMedia?.('(max-width: 800px)').matches)
      detail.current?.scrollIntoView?.({ block: 'start' });
  }, [selected, creating]);
  const open = (id: string | undefined) => {
    setCreating(false);
    setParams({ id });
  };

  return (
    <div className="page advisories-page">
      <header className="page-header">
        <h1>{t('advisories.title')}</h1>
        <a href="/api/advisories.cap" target="_blank" rel="noreferrer" data-testid="cap-feed-link">
          {t('advisories.capFeed')}
        </a>
        {writer && (
          <button type="button" onClick={() => (setParams({ id: undefined }), setCreating(true))}>
            {t('advisories.new')}
          </button>
        )}
      </header>
      <div className="advisories-layout">
        <section aria-label={t('advisories.title')}>
          {list.error !== null && <p role="alert">{t('error.unexpected')}</p>}
          {list.data?.length === 0 && <p>{t('advisories.empty')}</p>}
          <ul className="advisory-list">
            {ordered(list.data ?? [], new Date(clock())).map((advisory) => (
              <li key={advisory.id} className={advisory.id === selected ? 'selected' : undefined}>
                <button type="button" className="link" onClick={() => open(advisory.id)} data-testid="advisory-item">
                  <AdvisoryBadges advisory={advisory} />
                  <span>
                    {[
                      ...advisory.areas.map((a) => pick(a.name)),
                      ...(advisory.polygon ? [t('advisories.drawnArea')] : []),
                    ].join(' · ')}
                  </span>
                  <span>
                    {t('advisories.validity', {
                      from: formatTime(advisory.validFrom),
                      to: formatTime(advisory.validTo),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {writer && <CapImport onImported={(id) => open(id)} />}
        </section>
        <section className="advisory-detail" ref={detail}>
          {creating && (
            <AdvisoryEditor key="new" advisory={null} onSaved={(id) => open(id)} onClose={() => setCreating(false)} />
          )}
          {!creating && selected && <SelectedAdvisory id={selected} writer={writer} />}
        </section>
      </div>
    </div>
  );
}

function SelectedAdvisory({ id, writer }: { id: string; writer: boolean }) {
  const detail = useAdvisory(id);
  if (!detail.data) return null;
  // Keyed by the advisory only: a new version (a save, a live change) updates the editor in place, so
  // the reason a save-and-publish was refused stays on screen.
  return <AdvisoryPanel key={id} advisory={detail.data} writer={writer} />;
}

/** One advisory: both texts, where, history; for writers the editor (save, publish) and cancel, with the server's reason when refused. */
function AdvisoryPanel({ advisory, writer }: { advisory: AdvisoryDetail; writer: boolean }) {
  const { t, pick, formatTime, describeError, language } = useI18n();
  const cancel = useCancelAdvisory();
  const [reason, setReason] = useState('');
  const open = advisory.status === 'draft' || advisory.status === 'published';
  const refusalFields = fieldErrorsOf(cancel.error);
  // A refusal is about the version it was refused for.
  const { reset } = cancel;
  useEffect(() => reset(), [advisory.version, reset]);
  return (
    <article className="advisory-panel" data-testid="advisory-panel" lang={language}>
      <h2>
        {t(`hazard.${advisory.hazard}`)} <AdvisoryBadges advisory={advisory} />
      </h2>
      <p>{t('advisories.validity', { from: formatTime(advisory.validFrom), to: formatTime(advisory.validTo) })}</p>
      <p>
        {advisory.areas.map((a) => pick(a.name)).join(' · ')}
        {advisory.polygon && ` · ${t('advisories.drawnArea')}`}
      </p>
      <div className="advisory-languages">
        <blockquote lang="en">{advisory.text.en}</blockquote>
        <blockquote lang="es">{advisory.text.es}</blockquote>
      </div>
      {advisory.status !== 'draft' && (
        <a href={`/api/advisories/${advisory.id}.cap`} target="_blank" rel="noreferrer">
          {t('advisories.capMessage')}
        </a>
      )}
      {writer && open && (
        <>
          <AdvisoryEditor advisory={advisory} onSaved={() => undefined} />
          {advisory.status === 'published' && (
            <div className="advisory-actions">
              <input
                aria-label={t('advisories.cancelReason')}
                placeholder={t('advisories.cancelReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="danger"
                onClick={() => cancel.mutate({ id: advisory.id, reason })}
                disabled={cancel.isPending}
              >
                {t('advisories.cancel')}
              </button>
            </div>
          )}
          {cancel.error !== null && (
            <div className="form-error" role="alert" data-testid="advisory-cancel-refusal">
              {refusalFields.length ? (
                <ul>
                  {refusalFields.map((f) => (
                    <li key={f.path}>{pick(f.message)}</li>
                  ))}
                </ul>
              ) : (
                describeError(cancel.error)
              )}
            </div>
          )}
        </>
      )}
      <h3>{t('advisories.history')}</h3>
      <ol className="advisory-history">
        {advisory.history.map((entry, index) => (
          <li key={index}>
            {formatTime(entry.at)} · {t(`advisoryChange.${entry.change}`)} · {entry.by}
            {entry.note && ` · ${entry.note}`}
          </li>
        ))}
      </ol>
    </article>
  );
}
