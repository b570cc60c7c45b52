import { Link } from 'react-router';
import { staleInvestigationDays, type InvestigationFollowUp } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { Badge, type BadgeTone } from '@client/components/badge.js';
import { Table } from '@client/components/table.js';
import { useInvestigations } from '../api/list-investigations.js';
import { PlaceLine } from './place-line.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';

const flagTones: Record<InvestigationFollowUp['flag'], BadgeTone> = {
  missing: 'danger',
  stale: 'caution',
  current: 'ok',
};

/** Supervisors' follow-up: incidents that need an investigation, flagged when missing or stale. */
export function InvestigationsPage() {
  const { t, viewerTimeZone, describeError } = useI18n();
  const { data: items, error } = useInvestigations();

  return (
    <section className="page">
      <h1>{t('investigations.title')}</h1>
      <p className="muted">{t('investigations.intro', { days: staleInvestigationDays })}</p>
      {error ? (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      ) : null}
      {items?.length === 0 && <p className="muted">{t('investigations.empty')}</p>}
      {items && items.length > 0 && (
        <Table
          label={t('investigations.title')}
          testId="investigations"
          stackOnPhone
          rows={items}
          rowKey={({ incident }) => incident.id}
          columns={[
            {
              header: t('investigations.incident'),
              cell: ({ incident }) => (
                <>
                  <Link to={`/incidents/${incident.id}`}>{t(`incidentType.${incident.type}`)}</Link>
                  {incident.exercise && (
                    <>
                      {' '}
                      <ExerciseBadge />
                    </>
                  )}
                  <div className="muted">
                    <ZonedTime iso={incident.occurredAt} timeZone={incident.place?.timeZone ?? viewerTimeZone} />
                  </div>
                  <div className="muted">
                    <PlaceLine incident={incident} />
                  </div>
                </>
              ),
            },
            { header: t('investigation.leadAgency'), cell: ({ investigation }) => investigation?.leadAgency ?? '—' },
            {
              header: t('investigation.caseReference'),
              cell: ({ investigation }) => investigation?.caseReference ?? '—',
            },
            {
              header: t('investigation.status'),
              cell: ({ investigation }) => (investigation ? t(`investigationStatus.${investigation.status}`) : '—'),
            },
            {
              header: t('investigations.record'),
              cell: ({ flag }) => (
                <Badge tone={flagTones[flag]} className={`flag-${flag}`}>
                  {t(`investigations.flag.${flag}`)}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
