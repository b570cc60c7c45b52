import { languages } from '@shared/i18n/index.js';
import { useI18n } from '@client/lib/i18n.js';
import './language-switch.css';

const names = { en: 'English', es: 'Español' } as const;

/** Each language is named in itself, so anyone can find their own; the visible name is the accessible name. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('shell.language')}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          data-testid={`language-${option}`}
          onClick={() => setLanguage(option)}
        >
          {names[option]}
        </button>
      ))}
    </div>
  );
}
