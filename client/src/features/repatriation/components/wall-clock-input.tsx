import { useI18n } from '@client/lib/i18n.js';

interface Props {
  /** "YYYY-MM-DDTHH:MM" on the port's clock, or '' when empty. */
  value: string;
  onChange: (value: string) => void;
  /** Names the two inputs `${name}-date` and `${name}-time` (tests and autofill find them). */
  name: string;
  invalid?: boolean;
  onBlur?: () => void;
}

/**
 * A date and a 24-hour "HH:MM" time on the port's clock. The time is typed, not picked from the
 * browser's time control, whose 12-hour display in some locales would show Spanish readers
 * "08:00 PM"; the console writes times in 24-hour form in both languages.
 */
export function WallClockInput({ value, onChange, name, invalid, onBlur }: Props) {
  const { t } = useI18n();
  const [date, time] = value ? [value.slice(0, 10), value.slice(11)] : ['', ''];
  const compose = (nextDate: string, nextTime: string) => {
    // "8:00" is 08:00.
    const padded = /^\d:\d\d$/.test(nextTime) ? `0${nextTime}` : nextTime;
    onChange(nextDate || padded ? `${nextDate}T${padded}` : '');
  };
  return (
    <span className="wall-clock-input">
      <input
        type="date"
        name={`${name}-date`}
        value={date}
        aria-label={t('repatriation.date')}
        aria-invalid={invalid}
        onChange={(e) => compose(e.target.value, time)}
        onBlur={onBlur}
      />
      <input
        type="text"
        name={`${name}-time`}
        value={time}
        inputMode="numeric"
        placeholder={t('repatriation.timePlaceholder')}
        maxLength={5}
        aria-label={t('repatriation.time')}
        aria-invalid={invalid}
        onChange={(e) => compose(date, e.target.value)}
        onBlur={onBlur}
      />
    </span>
  );
}
