import { useI18n } from '@client/lib/i18n.js';
import { setMuted, useAlertSoundMuted } from '../hooks/use-alert-sound.js';

export function AlertSoundToggle() {
  const { t } = useI18n();
  const muted = useAlertSoundMuted();
  const label = muted ? t('incidents.unmute') : t('incidents.mute');
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={muted}
      aria-label={label}
      title={label}
      data-testid="mute-toggle"
      onClick={() => setMuted(!muted)}
    >
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M11 5 6 9H2v6h4l5 4V5z" />
        {muted ? <path d="m23 9-6 6M17 9l6 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />}
      </svg>
    </button>
  );
}
