import { useState } from 'react';
import { Swatch } from '@client/components/swatch.js';
import type { MapOverlay } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';

interface Props {
  overlays: readonly MapOverlay[];
  visible: Readonly<Record<string, boolean>>;
  onToggle: (overlayId: string) => void;
}

/** Phones start with the legend folded: open, it would cover a fifth of the map. */
const PHONE = '(max-width: 700px)';

/**
 * One switch per overlay, with its colours and what each symbol means: built from the
 * overlays, not written by hand. Folds away.
 */
export function MapLegend({ overlays, visible, onToggle }: Props) {
  const { t } = useI18n();
  const [open] = useState(() => !window.matchMedia?.(PHONE).matches);
  return (
    <details className="map-legend" open={open} data-testid="map-legend">
      <summary>{t('map.legend')}</summary>
      {overlays.map(({ id, legend }) => (
        <div key={id} className="map-legend-entry">
          <label>
            <input type="checkbox" checked={visible[id] ?? true} onChange={() => onToggle(id)} />
            {legend.swatches.map((colour) => (
              <Swatch key={colour} colour={colour} shape={legend.shape} />
            ))}
            {t(legend.label)}
          </label>
          {legend.items && (
            <ul className="map-legend-items">
              {legend.items.map((item) => (
                <li key={`${item.label}:${item.shape ?? 'dot'}`}>
                  <Swatch colour={item.colour} shape={item.shape} />
                  {t(item.label)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </details>
  );
}
