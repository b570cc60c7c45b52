import type { MapOverlay } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';

interface Props {
  overlays: readonly MapOverlay[];
  visible: Readonly<Record<string, boolean>>;
  onToggle: (overlayId: string) => void;
}

/** One switch per overlay, with its colours: built from the overlays, not written by hand. */
export function MapLegend({ overlays, visible, onToggle }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="map-legend">
      <legend>{t('map.legend')}</legend>
      {overlays.map(({ id, legend }) => (
        <label key={id}>
          <input type="checkbox" checked={visible[id] ?? true} onChange={() => onToggle(id)} />
          {legend.swatches.map((colour) => (
            <span key={colour} className="swatch" style={{ background: colour }} />
          ))}
          {t(legend.label)}
        </label>
      ))}
    </fieldset>
  );
}
