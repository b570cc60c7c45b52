import { Link, useParams } from 'react-router';
import type { MechanismDetail } from '@shared/liaison/contract.js';
import { coordinates } from '@shared/liaison/coordinators.js';
import { mechanismName } from '@shared/reference/place.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Panel } from '@client/components/panel.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { exportLinks } from '../api/exports.js';
import { useMechanism } from '../api/mechanisms.js';
import { useOnDuty } from '../api/on-duty.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { MechanismFlagBadges } from './mechanism-flags.js';
import { MeetingsSection } from './meetings-section.js';
import { MembersSection } from './members-section.js';
import { OnDutyColumns } from './on-duty-columns.js';
import { OverridesSection } from './overrides-section.js';
import { RotationSection } from './rotation-section.js';
import '../liaison.css';

/** `#/mechanisms/:id`: who is on duty now at the top, then members, rotation, overrides, meetings. */
export function MechanismPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: mechanism, error, refetch } = useMechanism(id);
  if (error && !mechanism) return <ErrorWithRetry error={error} onRetry={() => void refetch()} page />;
  if (!mechanism) return <p className="page-message">{t('shell.loading')}</p>;
  return <MechanismView key={mechanism.id} mechanism={mechanism} />;
}

function MechanismView({ mechanism }: { mechanism: MechanismDetail }) {
  const { t, language, describeError } = useI18n();
  const zoned = useZonedTime();
  const user = useUser();
  const editable = coordinates(user, mechanism.id);
  const onDuty = useOnDuty(mechanism.id);
  const files = exportLinks(mechanism.id, language);

  return (
    <article className="page mechanism-page" data-testid="mechanism-page" data-mechanism-id={mechanism.id}>
      <Link to="/mechanisms" className="muted">
        ← {t('liaison.back')}
      </Link>
      <header className="page-header">
        <h1>{mechanismName(mechanism)[language]}</h1>
        <MechanismFlagBadges flags={mechanism.flags} />
      </header>
      <p className="muted">
        {t(`liaison.kind.${mechanism.kind}`)}
        {mechanism.illustrative && ` · ${t('liaison.illustrative')}`} ·{' '}
        <span title={mechanism.timeZone}>{t('liaison.timeZone', { zone: zoned.zoneName(mechanism.timeZone) })}</span>
      </p>

      <Panel title={t('liaison.onDuty.title')} className="on-duty-now">
        {onDuty.data ? (
          <OnDutyColumns onDuty={onDuty.data} />
        ) : onDuty.error ? (
          <p role="alert" className="error">
            {describeError(onDuty.error)}
          </p>
        ) : (
          <p className="muted">{t('shell.loading')}</p>
        )}
      </Panel>

      <p className="exports">
        <a href={files.vcards} download data-testid="export-vcf">
          {t('liaison.export.vcf')}
        </a>
        <a href={files.calendar} download data-testid="export-ics">
          {t('liaison.export.ics')}
        </a>
        <span className="muted">{t('liaison.export.note')}</span>
      </p>
      {mechanism.areaMethod && (
        <p className="muted">
          {t('liaison.area.title')}: {t(`liaison.area.${mechanism.areaMethod}`)}
        </p>
      )}

      <MembersSection mechanism={mechanism} editable={editable} />
      <RotationSection mechanism={mechanism} editable={editable} />
      <OverridesSection mechanism={mechanism} editable={editable} />
      <MeetingsSection mechanism={mechanism} editable={editable} />
    </article>
  );
}
