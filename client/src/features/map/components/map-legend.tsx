import { useI18n } from '../../../app/i18n.js';
import { portColour, severityColours, stationColours } from '../map/colours.js';
import { layerGroups, type LayerGroup } from '../map/layers.js';

const swatches: Record<LayerGroup, readonly string[]> = {
  areas: ['#f08c00', '#e03131'],
  mechanisms: ['#1c7ed6'],
  ports: [portColour],
  stations: [stationColours.grupo_beta, stationColours.border_patrol_sector],
  incidents: [severityColours.high, severityColours.critical],
};

interface Props {
  visible: Record<LayerGroup, boolean>;
  onToggle: (group: LayerGroup) => void;
}

export function MapLegend({ visible, onToggle }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="map-legend">
      <legend>{t('map.legend')}</legend>
      {layerGroups.map((group) => (
        <label key={group}>
          <input type="checkbox" checked={visible[group]} onChange={() => onToggle(group)} />
          {swatches[group].map((colour) => <span key={colour} className="swatch" style={{ background: colour }} />)}
          {t(`map.layer.${group}`)}
        </label>
      ))}
    </fieldset>
  );
}
