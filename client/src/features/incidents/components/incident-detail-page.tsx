import { Suspense } from 'react';
import { Link, useParams } from 'react-router';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { isReadOnly } from '@shared/incidents/rules.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { useIncidentSlots } from '@client/lib/incident-slots.js';
import { useCan } from '@client/lib/use-can.js';
import { useIncident } from '../api/get-incident.js';
import { useIncidentTimeline } from '../api/get-timeline.js';
import { useIncidentUpdate } from '../api/update-incident.js';
import { useDescribeChange } from '../hooks/use-describe-change.js';
import { useMarkSeen } from '../hooks/use-unread-alerts.js';
import { AcknowledgementClocks } from './acknowledgement-clocks.js';
import { IncidentBadges } from './incident-badges.js';
import { NoteForm, PeopleForm, StatusHandOff } from './incident-changes.js';
import { IncidentMap } from './incident-map.js';
import { IncidentTimeline } from './incident-timeline.js';
import { PlaceLine } from './place-line.js';

/** `#/incidents/:id`; another incident starts afresh (forms, a pending conflict). */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  return <IncidentLoader key={id} id={id} />;
}

function IncidentLoader({ id }: { id: string }) {
  const { t, describeError } = useI18n();
  const { data: detail, error } = useIncident(id);
  useMarkSeen(id);
  if (error && !detail) {
    return (
      <p role="alert" className="error page-message">
        {describeError(error)}
      </p>
    );
  }
  if (!detail) return <p className="page-message">{t('shell.loading')}</p>;
  return <IncidentDetailView detail={detail} />;
}

function IncidentDetailView({ detail }: { detail: IncidentDetail }) {
  const { t, zoneName, viewerTimeZone, describeError } = useI18n();
  const can = useCan();
  const { panels } = useIncidentSlots();
  const update = useIncidentUpdate(detail);
  const describeChange = useDescribeChange();
  const timeline = useIncidentTimeline(detail);
  const changeProps = { detail, apply: update.apply, saving: update.saving };
  const zone = detail.place?.timeZone ?? viewerTimeZone;
  // `reportedBy` is an account id; the timeline names the person.
  // (A long timeline shows its newest page: the report is there once older entries are loaded.)
  const reporter = timeline.entries.find((entry) => entry.kind === 'reported')?.by ?? detail.reportingAgency;
  const readOnly = isReadOnly(detail.status);

  return (
    <article className="page incident-detail" data-testid="incident-detail" data-incident-id={detail.id}>
      <Link to="/incidents" className="muted">
        ← {t('incident.back')}
      </Link>
      <header className="page-header">
        <h1>{t(`incidentType.${detail.type}`)}</h1>
        <IncidentBadges incident={detail} />
      </header>
      {detail.demo && <p className="notice demo-notice">{t('incident.demoNotice')}</p>}
      {detail.exercise && (
        <p className="notice exercise-notice" data-testid="exercise-notice">
          {t('incident.exerciseNotice')}
        </p>
      )}
      <p className="summary">{detail.summary}</p>

      <div className="incident-facts">
        <dl className="facts">
          <dt>{t('place.title')}</dt>
          <dd>
            <PlaceLine incident={detail} />
            <div className="muted">
              {t('incidents.location', { lat: detail.location.lat, lon: detail.location.lon })}
            </div>
          </dd>
          <dt>{t('incidentField.occurredAt')}</dt>
          <dd data-testid="occurred-at">
            <ZonedTime iso={detail.occurredAt} timeZone={zone} />
            <div className="muted">{t('place.localTime', { zone: zoneName(zone, detail.occurredAt) })}</div>
          </dd>
          <dt>{t('incident.reportedByLabel')}</dt>
          <dd>
            {t('incident.reportedByWhom', {
              by: reporter,
              agency: detail.reportingAgency,
              country: t(`government.${detail.reportingCountry}`),
            })}
            {' · '}
            <ZonedTime iso={detail.createdAt} timeZone={zone} />
          </dd>
          <dt>{t('incident.peopleTitle')}</dt>
          <dd>{t('incidents.people', detail.people)}</dd>
        </dl>
        <IncidentMap incident={detail} />
      </div>

      {update.conflict && (
        <div className="conflict" role="alert" data-testid="version-conflict">
          <p>{t('incidentError.versionConflict')}</p>
          <p>{t('incident.conflictPending', { change: describeChange(update.conflict, detail.status) })}</p>
          <button type="button" className="primary" onClick={update.reapply} disabled={update.saving}>
            {t('incident.conflictReapply')}
          </button>
          <button type="button" onClick={update.discard}>
            {t('incident.conflictDiscard')}
          </button>
        </div>
      )}
      {update.error ? (
        <p role="alert" className="error">
          {describeError(update.error)}
        </p>
      ) : null}
      {readOnly && (
        <p className="notice" data-testid="closed-notice">
          {t('incident.closedNotice')}
        </p>
      )}

      <div className="detail-grid">
        <section>
          <h2>{t('ack.title')}</h2>
          <AcknowledgementClocks detail={detail} />
          {can('incident.edit', detail) && !readOnly && (
            <>
              <StatusHandOff {...changeProps} />
              <PeopleForm key={detail.version} {...changeProps} />
              <NoteForm {...changeProps} />
            </>
          )}
        </section>
        <section>
          <h2>{t('incident.timeline')}</h2>
          {timeline.hasOlder && (
            <button type="button" data-testid="timeline-older" onClick={timeline.loadOlder} disabled={timeline.loading}>
              {t('incident.timelineOlder')}
            </button>
          )}
          {timeline.error ? (
            <p role="alert" className="error">
              {describeError(timeline.error)}
            </p>
          ) : null}
          <IncidentTimeline entries={timeline.entries} timeZone={zone} />
        </section>
      </div>
      {/* The panels the features that hang on an incident contribute (their manifests' incidentPanels), in order. */}
      {panels.map(({ id, Panel }) => (
        <Suspense key={id} fallback={null}>
          <Panel incident={detail} timeZone={zone} />
        </Suspense>
      ))}
    </article>
  );
}
