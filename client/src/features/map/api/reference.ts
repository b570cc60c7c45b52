import type { Incident, IncidentPage } from '@shared/incidents/contract.js';
import type { AreaCollection, Mechanism, Port, Station } from '@shared/reference/contract.js';
import { api, query } from '../../../lib/api-client.js';

export interface BorderData {
  ports: Port[];
  mechanisms: Mechanism[];
  areas: AreaCollection;
  stations: Station[];
  incidents: Incident[];
}

/** The border strip from the Pacific to the Gulf, with room for the mechanisms' reach. */
const BORDER_BBOX = '-125,20,-90,37';

export async function fetchBorderData(): Promise<BorderData> {
  const [ports, mechanisms, areas, stations, incidents] = await Promise.all([
    api<Port[]>('GET', '/api/ports'),
    api<Mechanism[]>('GET', '/api/mechanisms'),
    api<AreaCollection>('GET', '/api/areas'),
    api<Station[]>('GET', '/api/stations'),
    api<IncidentPage>('GET', `/api/incidents${query({ bbox: BORDER_BBOX, limit: 500 })}`),
  ]);
  return { ports, mechanisms, areas, stations, incidents: incidents.items };
}
