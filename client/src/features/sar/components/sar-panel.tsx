import { useState } from 'react';
import type { Incident } from '@shared/incidents/contract.js';
import type { SarOperation, SarSector } from '@shared/sar/contract.js';
import { nextSectorStatuses, sarWriteRefusal } from '@shared/sar/rules.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { Swatch } from '@client/components/swatch.js';
import { Timeline } from '@client/components/timeline.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { timelineItems } from '@client/lib/incident-slots.js';
import { useCan } from '@client/lib/use-can.js';
import { useOperationChange } from '../api/change-operation.js';
import { useOperation } from '../api/get-operation.js';
import { sectorColours } from '../map/colours.js';
import { sarTimelineRenderers } from '../timeline-renderers.js';
import { AssetForm, CloseForm, OpenOperationForm, ProgressForm, SectorForm, TeamForm } from './sar-forms.js';
import { SarSectorsMap } from './sar-sectors-map.js';
import '../sar.css';

type SarIncident = Pick<Incident, 'id' | 'status' | 'mechanismId' | 'reportedBy' | 'exercise' | 'location'>;

/**
 * The incident's search-and-rescue operation (Plan of Action V): teams from both sides,
 * assets, sectors on a map with their status, the progress log, and closing with the
 * outcome. Officers who may coordinate it (its mechanism's, the overseers) change it; a
 * closed operation, or an operation on a closed incident, is read-only and says why.
 */
export function SarPanel({ incident, timeZone }: { incident: SarIncident; timeZone: string }) {
  const { t } = useI18n();
  const can = useCan();
  const { data: operation, error, refetch } = useOperation(incident.id);
  const mayCoordinate = can('sar.coordinate', incident);

  let body;
  if (error && operation === undefined) body = <ErrorWithRetry error={error} onRetry={() => void refetch()} />;
  else if (operation === undefined) body = <p className="muted">{t('shell.loading')}</p>;
  else if (operation === null)
    body =
      incident.status === 'closed' ? (
        <p className="notice" data-testid="sar-incident-closed">
          {t('sar.incidentClosedNotice')}
        </p>
      ) : (
        <>
          <p className="muted">{t('sar.none')}</p>
          {mayCoordinate && <OpenOperationForm incidentId={incident.id} />}
        </>
      );
  else
    body = (
      <OperationView
        incident={incident}
        operation={operation}
        timeZone={timeZone}
        editable={mayCoordinate && sarWriteRefusal(operation, incident.status) === null}
      />
    );

  return (
    <section className="sar-panel" data-testid="sar-panel" aria-labelledby="sar-title">
      <header className="sar-header">
        <h2 id="sar-title">{t('sar.title')}</h2>
        {operation && (
          <span className="badges">
            {operation.exercise && <ExerciseBadge testId="sar-exercise-badge" />}
            <span className={`badge sar-status-${operation.status}`} data-testid="sar-status">
              {t(`sarStatus.${operation.status}`)}
            </span>
          </span>
        )}
      </header>
      {body}
    </section>
  );
}

function OperationView({
  incident,
  operation,
  timeZone,
  editable,
}: {
  incident: SarIncident;
  operation: SarOperation;
  timeZone: string;
  editable: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [drawing, setDrawing] = useState(false);
  const teamName = (id: string | null) => operation.teams.find((team) => team.id === id)?.name;

  return (
    <div className="sar-operation" data-testid="sar-operation" data-version={operation.version}>
      <p className="muted">
        {t('sar.openedBy', { by: operation.openedBy })} · <ZonedTime iso={operation.openedAt} timeZone={timeZone} />
      </p>
      {operation.status === 'closed' && operation.outcome && (
        <div className="notice" data-testid="sar-closed-notice">
          <p>
            {t('sar.closedNotice', {
              by: operation.closedBy ?? '',
              outcome: t(`sarOutcome.${operation.outcome}`),
            })}
            {operation.closedAt && (
              <>
                {' '}
                (<ZonedTime iso={operation.closedAt} timeZone={timeZone} />)
              </>
            )}
          </p>
          {operation.outcomeNote && <p>{operation.outcomeNote}</p>}
        </div>
      )}
      {operation.status === 'open' && incident.status === 'closed' && (
        <p className="notice" data-testid="sar-incident-closed">
          {t('sar.incidentClosedNotice')}
        </p>
      )}

      <div className="sar-grid">
        <div className="sar-sectors">
          <h3>{t('sar.sectors')}</h3>
          {operation.sectors.length > 0 && (
            <SarSectorsMap sectors={operation.sectors} teams={operation.teams} location={incident.location} />
          )}
          {operation.sectors.length === 0 ? (
            <p className="muted">{t('sar.noSectors')}</p>
          ) : (
            <ul className="sar-list" data-testid="sar-sectors">
              {operation.sectors.map((sector) => (
                <SectorRow
                  key={sector.id}
                  incidentId={incident.id}
                  sector={sector}
                  team={teamName(sector.teamId)}
                  editable={editable}
                />
              ))}
            </ul>
          )}
          {editable &&
            (drawing ? (
              <SectorForm incidentId={incident.id} teams={operation.teams} onDone={() => setDrawing(false)} />
            ) : (
              <button type="button" onClick={() => setDrawing(true)} data-testid="sar-draw-sector">
                {t('sar.addSector')}
              </button>
            ))}
        </div>

        <div className="sar-side">
          <h3>{t('sar.teams')}</h3>
          {operation.teams.length === 0 ? (
            <p className="muted">{t('sar.noTeams')}</p>
          ) : (
            <ul className="sar-list" data-testid="sar-teams">
              {operation.teams.map((team) => (
                <li key={team.id}>
                  <strong>{team.name}</strong> · {t(`teamKind.${team.kind}`)} · {t(`government.${team.side}`)}
                  {team.contact && <div className="muted">{team.contact}</div>}
                </li>
              ))}
            </ul>
          )}
          {editable && <TeamForm incidentId={incident.id} />}

          <h3>{t('sar.assets')}</h3>
          {operation.assets.length === 0 ? (
            <p className="muted">{t('sar.noAssets')}</p>
          ) : (
            <ul className="sar-list" data-testid="sar-assets">
              {operation.assets.map((asset) => (
                <li key={asset.id}>
                  <strong>{t(`assetKind.${asset.kind}`)}</strong> · {asset.description}
                  {asset.teamId && (
                    <span className="muted"> · {t('sar.teamOf', { team: teamName(asset.teamId) ?? '' })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {editable && <AssetForm incidentId={incident.id} teams={operation.teams} />}
        </div>
      </div>

      <h3>{t('sar.log')}</h3>
      {operation.log.length === 0 ? (
        <p className="muted">{t('sar.noLog')}</p>
      ) : (
        <Timeline
          items={timelineItems(operation.log, sarTimelineRenderers, i18n)}
          timeZone={timeZone}
          testId="sar-log"
        />
      )}
      {editable && <ProgressForm incidentId={incident.id} />}
      {editable && <CloseForm incidentId={incident.id} />}
    </div>
  );
}

function SectorRow({
  incidentId,
  sector,
  team,
  editable,
}: {
  incidentId: string;
  sector: SarSector;
  team: string | undefined;
  editable: boolean;
}) {
  const { t, describeError } = useI18n();
  const change = useOperationChange(incidentId);
  return (
    <li data-testid="sar-sector" data-sector={sector.name} data-status={sector.status}>
      <Swatch colour={sectorColours[sector.status]} />
      <strong>{sector.name}</strong>{' '}
      <span className={`badge sector-status-${sector.status}`} data-testid="sector-status">
        {t(`sectorStatus.${sector.status}`)}
      </span>{' '}
      <span className="muted">{team ?? t('sar.noTeam')}</span>
      {editable && (
        <span className="sector-actions">
          {nextSectorStatuses(sector.status).map((status) => (
            <button
              key={status}
              type="button"
              disabled={change.isPending}
              data-testid={`sector-mark-${status}`}
              onClick={() => change.mutate({ kind: 'sectorUpdate', sectorId: sector.id, body: { status } })}
            >
              {t(`sectorAction.${status}`)}
            </button>
          ))}
        </span>
      )}
      {change.error && (
        <p role="alert" className="error">
          {describeError(change.error)}
        </p>
      )}
    </li>
  );
}
