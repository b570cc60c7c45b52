import { useState } from 'react';
import { countries } from '@shared/auth.js';
import type { Member, MechanismDetail } from '@shared/liaison/contract.js';
import { noWorkingContact, notVerified } from '@shared/liaison/flags.js';
import { roleLabel } from '@shared/liaison/text.js';
import { verificationMaxAgeDays } from '@shared/liaison/contract.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMemberChanges } from '../api/members.js';
import { MailLink, PhoneLink } from './contact-links.js';
import { MemberForm } from './member-form.js';

const DAY_MS = 86_400_000;

/** The roster on both sides: contacts, when each member was last verified, and what is flagged. */
export function MembersSection({ mechanism, editable }: { mechanism: MechanismDetail; editable: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <section className="members" data-testid="members">
      <h2>{t('liaison.members.title')}</h2>
      <div className="member-sides">
        {countries.map((side) => (
          <div key={side}>
            <h3>{t(`liaison.side.${side}`)}</h3>
            <ul className="member-list">
              {mechanism.members
                .filter((m) => m.country === side)
                .map((m) => (
                  <MemberCard key={m.id} member={m} mechanismId={mechanism.id} editable={editable} />
                ))}
            </ul>
          </div>
        ))}
      </div>
      {editable &&
        (adding ? (
          <MemberForm mechanismId={mechanism.id} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)} data-testid="add-member">
            {t('liaison.member.add')}
          </button>
        ))}
    </section>
  );
}

function MemberCard({ member, mechanismId, editable }: { member: Member; mechanismId: string; editable: boolean }) {
  const { t, language, describeError } = useI18n();
  const now = useNow(60_000);
  const changes = useMemberChanges(mechanismId);
  const [editing, setEditing] = useState(false);
  const days = Math.max(0, Math.floor((now - Date.parse(member.verifiedAt)) / DAY_MS));
  const stale = notVerified(member, new Date(now).toISOString());
  const failure = changes.verify.error ?? changes.remove.error;

  if (editing) return <MemberForm mechanismId={mechanismId} member={member} onDone={() => setEditing(false)} />;
  return (
    <li className="member" data-testid="member">
      <strong>{member.name}</strong>
      <div className="muted">
        {roleLabel(member.role)[language]} · {member.agency}
      </div>
      <ul className="contacts">
        {member.contacts.map((c) => (
          <li key={c.id} className={c.working ? '' : 'not-working'}>
            <span className="contact-kind">{t(`liaison.contactKind.${c.kind}`)}</span>{' '}
            {c.kind === 'phone' ? (
              <PhoneLink e164={c.value} />
            ) : c.kind === 'email' ? (
              <MailLink address={c.value} />
            ) : (
              c.value
            )}
            {c.label && <span className="muted"> ({c.label})</span>}
            {!c.working && <span className="error"> · {t('liaison.contact.notWorking')}</span>}
          </li>
        ))}
      </ul>
      <div className="badges">
        <span
          className={`badge ${stale ? 'flag-verified' : 'verified'}`}
          title={stale ? t('liaison.flag.notVerified', { days: verificationMaxAgeDays }) : undefined}
        >
          {days === 0 ? t('liaison.verifiedToday') : t('liaison.verified', { count: days })}
        </span>
        {noWorkingContact(member) && <span className="badge flag-contact">{t('liaison.flag.noWorkingContact')}</span>}
      </div>
      {editable && (
        <div className="member-actions">
          <button type="button" onClick={() => changes.verify.mutate(member.id)} disabled={changes.verify.isPending}>
            {t('liaison.verify')}
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            {t('liaison.member.edit')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t('liaison.member.confirmRemove', { name: member.name })))
                changes.remove.mutate(member.id);
            }}
          >
            {t('liaison.member.remove')}
          </button>
        </div>
      )}
      {failure ? (
        <p role="alert" className="error">
          {describeError(failure)}
        </p>
      ) : null}
    </li>
  );
}
