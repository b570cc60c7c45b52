import { countries, type Country } from '@shared/auth.js';
import type { CoverageGap, OnDuty, OnDutyContact } from '@shared/liaison/contract.js';
import { roleLabel } from '@shared/liaison/text.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { MailLink, PhoneLink } from './contact-links.js';

/**
 * Who to call now on each side of a mechanism, in escalation order (call order 1 first),
 * with the mechanism's local time — and the viewer's, where it reads differently.
 */
export function OnDutyColumns({ onDuty }: { onDuty: OnDuty }) {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const now = new Date(useNow(30_000)).toISOString();
  const yours = zoned.viewerClock(now, onDuty.timeZone);
  return (
    <div className="on-duty" data-testid="on-duty">
      <p className="muted local-time">
        {t('liaison.localTime', { time: zoned.clock(now, onDuty.timeZone) })}
        {yours && ` · ${t('liaison.yourTime', { time: yours })}`}
      </p>
      <div className="on-duty-sides">
        {countries.map((side) => (
          <Side key={side} side={side} contacts={onDuty[side]} gaps={onDuty.gaps} timeZone={onDuty.timeZone} />
        ))}
      </div>
    </div>
  );
}

function Side({
  side,
  contacts,
  gaps,
  timeZone,
}: {
  side: Country;
  contacts: OnDutyContact[];
  gaps: CoverageGap[];
  timeZone: string;
}) {
  const { t, language } = useI18n();
  const zoned = useZonedTime();
  const own = gaps.filter((g) => g.side === side);
  return (
    <section className="on-duty-side" data-testid={`on-duty-${side}`}>
      <h3>{t(`liaison.side.${side}`)}</h3>
      {own.map((gap) => (
        <p key={`${gap.kind}-${gap.escalation}`} className="gap-now" role="status">
          {gap.kind === 'uncovered'
            ? t('liaison.gap.uncovered')
            : t('liaison.gap.emptyShift', { position: gap.escalation ?? '' })}{' '}
          ({t('liaison.onDuty.until', { time: zoned.clock(gap.end, timeZone) })})
        </p>
      ))}
      {contacts.length === 0 && own.length === 0 && <p className="muted">{t('liaison.onDuty.nobody')}</p>}
      <ol className="duty-list">
        {contacts.map((c) => (
          <li key={c.memberId} className="duty-contact" data-testid="on-duty-contact">
            <span className="call-order" title={t('liaison.onDuty.position', { position: c.escalation })}>
              {c.escalation}
            </span>
            <div>
              <strong>{c.name}</strong>
              <div className="muted">
                {roleLabel(c.role)[language]} · {c.agency}
              </div>
              <div className="reach-lines">
                {c.phone && <PhoneLink e164={c.phone} />}
                {c.email && <MailLink address={c.email} />}
                {c.radio && <span className="muted">{t('liaison.radio', { channel: c.radio })}</span>}
                {!c.phone && !c.email && !c.radio && (
                  <span className="error">{t('liaison.flag.noWorkingContact')}</span>
                )}
              </div>
              <div className="muted">
                {t('liaison.onDuty.until', { time: zoned.clock(c.until, timeZone) })}
                {c.byOverride && ` · ${t('liaison.onDuty.override')}`}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
