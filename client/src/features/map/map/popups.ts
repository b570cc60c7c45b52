import type { BilingualText } from '@shared/errors.js';
import type { MessageKey, ParamArgs } from '@shared/i18n/index.js';
import type { BorderData } from '../api/reference.js';
import type { RecordKind } from './layers.js';

export interface PopupText {
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  pick: (text: BilingualText) => string;
}

type Child = Node | string | null | false;

/** Popups are built as DOM nodes with text content: record fields are never parsed as HTML. */
function el(tag: string, className: string | null, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child) node.append(child);
  return node;
}

function line(label: string, value: string): HTMLElement {
  return el('p', null, el('span', 'popup-label', `${label}: `), value);
}

/** The "approximate" marker and the sources every reference record carries. */
function provenance(text: PopupText, approx: boolean, sources: readonly string[]): HTMLElement {
  const marker = approx && el('span', 'approx', `≈ ${text.t('common.approximate')}`);
  if (marker) marker.title = text.t('common.approximateTitle');
  return el('div', 'popup-provenance', marker, sources.length > 0 && line(text.t('common.sources'), sources.join(', ')));
}

function card(kindLabel: string, title: string, testId: string, ...body: Child[]): HTMLElement {
  const node = el('div', `popup ${testId}`, el('div', 'popup-kind', kindLabel), el('h3', null, title), ...body);
  node.dataset.testid = testId;
  return node;
}

/** Popup content for the record behind a clicked feature, in the current language. */
export function popupContent(kind: RecordKind, id: string, data: BorderData, text: PopupText): HTMLElement | null {
  const { t, pick } = text;
  switch (kind) {
    case 'port': {
      const port = data.ports.find((p) => p.id === id);
      return port ? card(
        t('map.port'), `${port.usName} – ${port.mxName}`, 'port-popup',
        el('p', null, `${port.usState} · ${port.mxState}`),
        line(t('map.status'), t(`map.portStatus.${port.status}`)),
        line(t('map.timeZones'), port.usTimeZone === port.mxTimeZone ? port.usTimeZone : `${port.usTimeZone} · ${port.mxTimeZone}`),
        provenance(text, port.approx, port.sources),
      ) : null;
    }
    case 'mechanism': {
      const m = data.mechanisms.find((x) => x.id === id);
      return m ? card(
        t(`map.mechanismKind.${m.kind}`), `${m.usCity}, ${m.usState} – ${m.mxCity}, ${m.mxState}`, 'mechanism-popup',
        el('p', null, t('map.reach', { km: m.radiusKm })),
        provenance(text, m.approx, m.sources),
      ) : null;
    }
    case 'area': {
      const area = data.areas.features.find((a) => a.id === id)?.properties;
      return area ? card(
        `${t('map.area')} · ${t(`map.risk.${area.riskLevel}`)}`, pick(area.name), 'area-popup',
        line(t('map.hazard'), pick(area.hazard)),
        line(t('map.season'), pick(area.season)),
        provenance(text, area.approx, area.sources),
      ) : null;
    }
    case 'station': {
      const station = data.stations.find((s) => s.id === id);
      return station ? card(
        t(`map.station.${station.kind}`), station.name, 'station-popup',
        el('p', null, station.state),
        provenance(text, station.approx, station.sources),
      ) : null;
    }
    case 'incident': {
      const incident = data.incidents.find((i) => i.id === id);
      if (!incident) return null;
      const link = el('a', null, t('map.openIncident')) as HTMLAnchorElement;
      link.href = `#/incidents/${incident.id}`;
      return card(
        t('map.incident'), t(`incidentType.${incident.type}`), 'incident-popup',
        el('p', null, `${t(`severity.${incident.severity}`)} · ${t(`status.${incident.status}`)}`),
        el('p', null, incident.summary),
        link,
      );
    }
  }
}
