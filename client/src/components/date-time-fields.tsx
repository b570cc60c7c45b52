import { useId, useState } from 'react';
import { useI18n } from '@client/lib/i18n.js';
import { formatDateField, formatTimeField, parseDateField, parseTimeField } from '@client/lib/local-time.js';
import './field.css';
import './date-time-fields.css';

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
  /** Times in 24-hour form in both languages (the repatriation console's convention); else English reads 12-hour. */
  twentyFourHour?: boolean;
  /**
   * Messages for a typed date or time that doesn't parse, shown in place of `error` once the text
   * looks complete ("99:99") or the field is left, so the reader learns which part is wrong.
   */
  partErrors?: { date: string; time: string };
  /** The two inputs' labels, when the defaults (a 12-hour example in English) don't fit. */
  labels?: { date: string; time: string };
}

/** Date and time as two text fields in the page's language; the form holds `YYYY-MM-DDTHH:mm`. */
export function DateTimeFields({
  legend,
  value,
  onChange,
  error,
  names,
  twentyFourHour = false,
  partErrors,
  labels,
}: DateTimeProps) {
  const { t, language } = useI18n();
  const id = useId();
  const formatTime = (time: string, lang: typeof language) => (twentyFourHour ? time : formatTimeField(time, lang));
  const textsOf = (from: string, lang: typeof language) => {
    const [date = '', time = ''] = from.split('T');
    return {
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDateField(date, lang) : '',
      time: parseTimeField(time) ? formatTime(time, lang) : '',
    };
  };
  const [texts, setTexts] = useState(() => textsOf(value, language));
  const [shownIn, setShownIn] = useState(language);
  /** The value these texts stand for: a different one (a suggested slot, a reset form) rewrites them. */
  const [shownValue, setShownValue] = useState(value);
  const [left, setLeft] = useState({ date: false, time: false });
  if (shownValue !== value) {
    setShownValue(value);
    setShownIn(language);
    setTexts(textsOf(value, language));
    setLeft({ date: false, time: false });
  } else if (shownIn !== language) {
    // The other language writes the same instant differently.
    setShownIn(language);
    const [d, tm] = [parseDateField(texts.date, shownIn), parseTimeField(texts.time)];
    setTexts({
      date: d ? formatDateField(d, language) : texts.date,
      time: tm ? formatTime(tm, language) : texts.time,
    });
  }
  const update = (next: { date: string; time: string }) => {
    setTexts(next);
    const [d, tm] = [parseDateField(next.date, language), parseTimeField(next.time)];
    const emitted = d && tm ? `${d}T${tm}` : `${next.date} ${next.time}`.trim();
    setShownValue(emitted);
    onChange(emitted);
  };
  const wrong = {
    date:
      texts.date.trim() !== '' && !parseDateField(texts.date, language) && (left.date || /\d{4}\s*$/.test(texts.date)),
    time: texts.time.trim() !== '' && !parseTimeField(texts.time) && (left.time || /\d:\d\d/.test(texts.time)),
  };
  const shown = (partErrors && (wrong.date ? partErrors.date : wrong.time ? partErrors.time : undefined)) ?? error;
  return (
    <fieldset
      className={`date-time-fields ${shown ? 'field-invalid' : ''}`}
      aria-describedby={shown ? `${id}-error` : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{labels?.date ?? t('incidentField.date')}</span>
          <input
            type="text"
            name={names.date}
            inputMode="numeric"
            autoComplete="off"
            placeholder={language === 'es' ? 'dd/mm/aaaa' : 'mm/dd/yyyy'}
            aria-invalid={Boolean(error) || (Boolean(partErrors) && wrong.date)}
            value={texts.date}
            onChange={(event) => update({ ...texts, date: event.target.value })}
            onBlur={() => setLeft({ ...left, date: true })}
          />
        </label>
        <label className="field">
          <span className="field-label">{labels?.time ?? t('incidentField.time')}</span>
          <input
            type="text"
            name={names.time}
            autoComplete="off"
            placeholder={language === 'es' || twentyFourHour ? '14:30' : '2:30 PM'}
            aria-invalid={Boolean(error) || (Boolean(partErrors) && wrong.time)}
            value={texts.time}
            onChange={(event) => update({ ...texts, time: event.target.value })}
            onBlur={() => setLeft({ ...left, time: true })}
          />
        </label>
      </div>
      {shown && (
        <span className="field-error" role="alert" id={`${id}-error`}>
          {shown}
        </span>
      )}
    </fieldset>
  );
}
