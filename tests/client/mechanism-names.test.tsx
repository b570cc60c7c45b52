import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlaceOnDuty } from '@shared/liaison/contract.js';
import { describePlace } from '@shared/reference/place.js';
import { PlaceLine } from '@client/features/incidents/components/place-line.js';
import { MechanismsPage } from '@client/features/liaison/components/mechanisms-page.js';
import { WhoToCallPanel } from '@client/features/liaison/index.js';
import { aMechanism } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const sanDiego = aMechanism();

const onDuty: PlaceOnDuty = {
  mechanismId: sanDiego.id,
  at: '2026-07-08T12:00:00-07:00',
  timeZone: sanDiego.timeZone,
  how: 'contains',
  US: [],
  MX: [],
  gaps: [],
};

// The place line of an incident at Jacumba as the server describes it (toasts and the feed show the same line).
const incident = {
  location: { lat: 32.617, lon: -116.19 },
  place: describePlace(
    { location: { lat: 32.617, lon: -116.19 }, mechanismId: sanDiego.id, areaIds: [] },
    { ports: [], areas: [], mechanisms: [sanDiego] },
  ),
};

describe('one name per mechanism (issue 23)', () => {
  it.each([
    ['en', 'San Diego – Tijuana', 'Tijuana – San Diego'],
    ['es', 'Tijuana – San Diego', 'San Diego – Tijuana'],
  ] as const)(
    'names it the same in the liaison list, who to call and the place line (%s)',
    async (language, name, otherOrder) => {
      fakeServer({
        'GET /api/mechanisms': () => json(200, [sanDiego]),
        'GET /api/contacts/on-duty': () => json(200, onDuty),
      });
      renderPage(
        <>
          <MechanismsPage />
          <PlaceLine incident={incident} />
        </>,
        { language },
      );

      const row = await screen.findByTestId('mechanism-row');
      expect(row.querySelector('.feed-title')).toHaveTextContent(new RegExp(`^${name}$`));
      expect(screen.getByTestId('place-line')).toHaveTextContent(name);
      renderPage(<WhoToCallPanel point={incident.location} />, { language });
      expect(await screen.findByTestId('who-to-call-mechanism')).toHaveTextContent(name);
      expect(document.body).not.toHaveTextContent(otherOrder);
    },
  );
});
