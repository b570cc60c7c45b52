import { useI18n } from '../../../app/i18n.js';
import { setMuted, useAlertSoundMuted } from '../hooks/use-alert-sound.js';

export function AlertSoundToggle() {
  const { t } = useI18n();
  const muted = useAlertSoundMuted();
  const label = muted ? t('incidents.unmute') : t('incidents.mute');
  return (
    <button type="button" className="icon-button" aria-pressed={muted} aria-label={label} title={label} data-testid="mute-toggle" onClick={() => setMuted(!muted)}>
      {muted ? '🔕' : '🔔'}
    </button>
  );
}
