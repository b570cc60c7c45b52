import { useId, useState } from 'react';
import { useI18n } from '@client/lib/i18n.js';
import { formatDateField, formatTimeField, parseDateField, parseTimeField } from '@client/lib/local-time.js';

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or undefined when empty. */
  value: string | undefined;
  /** Called with the date once it parses, or undefined when the field is emptied. */
  onChange: (value: string | undefined) => void;
  name?: string;
}

/**
 * A date typed the way the page's language writes it (mm/dd/yyyy, dd/mm/aaaa): a browser's
 * own date input follows the browser's locale, not the language chosen here.
 */
export function DateField({ label, value, onChange, name }: DateFieldProps) {
  const { language } = useI18n();
  const [text, setText] = useState(() => (value ? formatDateField(value, language) : ''));
  const [shown, setShown] = useState({ value, language });
  // A new value (typed, or from a link) or a language switch rewrites the text in this language's order.
  if (shown.value !== value || shown.language !== language) {
    setShown({ value, language });
    setText(value ? formatDateField(value, language) : '');
  }
  const invalid = text.trim() !== '' && !parseDateField(text, language);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder={language === 'es' ? 'dd/mm/aaaa' : 'mm/dd/yyyy'}
        aria-invalid={invalid}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parseDateField(event.target.value, language);
          if (parsed) onChange(parsed);
          else if (event.target.value.trim() === '') onChange(undefined);
        }}
      />
    </label>
  );
}

interface DateTimeProps {
  legend: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's zone, or any other text while the fields don't parse. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Field names for the two inputs (tests and autofill find them by these). */
  names: { date: string; time: string };
}

/** Date and time as two text fields in the page's language; the form holds `YYYY-MM-DDTHH:mm`. */
export function DateTimeFields({ legend, value, onChange, error, names }: DateTimeProps) {
  const { t, language } = useI18n();
  const id = useId();
  const [date = '', time = ''] = value.split('T');
  const [texts, setTexts] = useState(() => ({
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDateField(date, language) : '',
    time: parseTimeField(time) ? formatTimeField(time, language) : '',
  }));
  const [shownIn, setShownIn] = useState(language);
  if (shownIn !== language) {
    // The other language writes the same instant differently.
    setShownIn(language);
    const [d, tm] = [parseDateField(texts.date, shownIn), parseTimeField(texts.time)];
    setTexts({
      date: d ? formatDateField(d, language) : texts.date,
      time: tm ? formatTimeField(tm, language) : texts.time,
    });
  }
  const update = (next: { date: string; time: string }) => {
    setTexts(next);
    const [d, tm] = [parseDateField(next.date, language), parseTimeField(next.time)];
    onChange(d && tm ? `${d}T${tm}` : `${next.date} ${next.time}`.trim());
  };
  return (
    <fieldset
      className={`date-time-fields ${error ? 'field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('incidentField.date')}</span>
          <input
            type="text"
            name={names.date}
            inputMode="numeric"
            autoComplete="off"
            placeholder={language === 'es' ? 'dd/mm/aaaa' : 'mm/dd/yyyy'}
            aria-invalid={Boolean(error)}
            value={texts.date}
            onChange={(event) => update({ ...texts, date: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('incidentField.time')}</span>
          <input
            type="text"
            name={names.time}
            autoComplete="off"
            placeholder={language === 'es' ? '14:30' : '2:30 PM'}
            aria-invalid={Boolean(error)}
            value={texts.time}
            onChange={(event) => update({ ...texts, time: event.target.value })}
          />
        </label>
      </div>
      {error && (
        <span className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
