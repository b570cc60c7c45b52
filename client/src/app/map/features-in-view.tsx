import type { FeatureProperties, MapOverlay } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';

/** A feature drawn in the current view, with a point to open its popup at. */
export interface FeatureInView {
  overlay: MapOverlay;
  featureId: string;
  /** What the map drew it with. */
  properties: FeatureProperties;
  longitude: number;
  latitude: number;
}

/** Enough to find something by keyboard; more means zooming in. */
export const MAX_LISTED = 100;

interface Props {
  features: readonly FeatureInView[];
  onOpen: (feature: FeatureInView) => void;
}

/**
 * The map's keyboard and screen-reader alternative: every clickable feature in view as a
 * button that opens the same popup a click on the map would, grouped by layer.
 */
export function FeaturesInView({ features, onOpen }: Props) {
  const { t } = useI18n();
  const listed = features.slice(0, MAX_LISTED);
  return (
    <details className="map-features" data-testid="features-in-view">
      <summary>{t('map.inView', { count: features.length })}</summary>
      {features.length === 0 ? (
        <p className="muted">{t('map.inViewEmpty')}</p>
      ) : (
        <ul>
          {listed.map((feature) => {
            const { overlay, featureId } = feature;
            const Label = overlay.FeatureLabel;
            return (
              <li key={`${overlay.id}:${featureId}`}>
                <button type="button" className="link-button" onClick={() => onOpen(feature)}>
                  <span className="muted">{t(overlay.legend.label)}: </span>
                  {Label ? <Label featureId={featureId} properties={feature.properties} /> : featureId}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {features.length > listed.length && <p className="muted">{t('map.inViewMore', { count: MAX_LISTED })}</p>}
    </details>
  );
}
