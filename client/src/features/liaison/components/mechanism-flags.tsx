import { coverageWarningDays, verificationMaxAgeDays, type MechanismFlags } from '@shared/liaison/contract.js';
import { useI18n } from '@client/lib/i18n.js';

/** What a mechanism's list entry and page flag: a coming gap, stale or unreachable members, overdue commitments. */
export function MechanismFlagBadges({ flags }: { flags: MechanismFlags }) {
  const { t } = useI18n();
  const shown = [
    flags.coverageGap && { key: 'gap', text: t('liaison.flag.coverageGap', { days: coverageWarningDays }) },
    flags.membersNotVerified > 0 && {
      key: 'verified',
      text: t('liaison.flag.membersNotVerified', { count: flags.membersNotVerified, days: verificationMaxAgeDays }),
    },
    flags.membersWithoutWorkingContact > 0 && {
      key: 'contact',
      text: t('liaison.flag.membersWithoutContact', { count: flags.membersWithoutWorkingContact }),
    },
    flags.overdueCommitments > 0 && {
      key: 'overdue',
      text: t('liaison.flag.overdueCommitments', { count: flags.overdueCommitments }),
    },
  ].filter((flag): flag is { key: string; text: string } => Boolean(flag));
  if (shown.length === 0) return <span className="muted">{t('liaison.list.flagsNone')}</span>;
  return (
    <ul className="badges flags" data-testid="mechanism-flags">
      {shown.map((flag) => (
        <li key={flag.key} className={`badge flag-${flag.key}`} data-flag={flag.key}>
          {flag.text}
        </li>
      ))}
    </ul>
  );
}
