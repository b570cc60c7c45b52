import type { EnginePort } from '@shared/repatriation/engine.js';
import type { CheckResult, Slot } from '@shared/repatriation/contract.js';
import { formatWindow, violationTitles } from '@shared/repatriation/messages.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { shortPortName } from '../port-clock.js';

interface Props {
  verdict: Pick<CheckResult, 'violations' | 'nextWindows'> & { allowed?: boolean };
  /** Where the answer came from: the browser's engine while typing, or the server on saving. */
  source: 'browser' | 'server';
  ports: readonly EnginePort[];
  /** The zone each port's windows are read in. */
  zoneOf: (portId: string) => string;
  /** "Move to this slot"; absent where the slot can't be taken from here. */
  onMove?: (slot: Slot) => void;
  moveLabel?: string;
}

/**
 * The engine's answer: allowed, or every rule broken in the reader's language with the persons
 * it concerns, and the next slots in which this whole group would be allowed.
 */
export function VerdictPanel({ verdict, source, ports, zoneOf, onMove, moveLabel }: Props) {
  const { t, language } = useI18n();
  const now = useClock()();
  const allowed = verdict.allowed ?? verdict.violations.length === 0;
  const codes = verdict.violations.map((v) => v.code).join(' ');
  const nameOf = (portId: string) => {
    const port = ports.find((p) => p.id === portId);
    return port ? shortPortName(port) : portId;
  };
  return (
    <section
      className={`verdict ${allowed ? 'verdict-allowed' : 'verdict-refused'}`}
      aria-live="polite"
      data-testid={source === 'server' ? 'server-verdict' : 'verdict'}
      data-allowed={allowed}
      data-codes={codes}
    >
      <h3>
        {allowed ? t('repatriation.allowed') : t('repatriation.notAllowed')}
        <span className="muted verdict-source">
          {' '}
          · {source === 'browser' ? t('repatriation.checkedInBrowser') : t('repatriation.checkedByServer')}
        </span>
      </h3>
      {verdict.violations.length > 0 && (
        <ul className="violations">
          {verdict.violations.map((violation) => (
            <li key={violation.code} data-testid="violation" data-code={violation.code}>
              <strong>{violationTitles[violation.code][language]}</strong>
              <span>{violation.message[language]}</span>
            </li>
          ))}
        </ul>
      )}
      {!allowed && verdict.nextWindows.length === 0 && <p className="muted">{t('repatriation.noSlots')}</p>}
      {!allowed && verdict.nextWindows.length > 0 && (
        <>
          <h4>{t('repatriation.nextSlots')}</h4>
          <ul className="slots">
            {verdict.nextWindows.map((slot) => (
              <li
                key={`${slot.portId}-${slot.start}`}
                data-testid="slot"
                data-port={slot.portId}
                data-start={slot.start}
              >
                <span>
                  <strong>{nameOf(slot.portId)}</strong> ·{' '}
                  {formatWindow(Date.parse(slot.start), Date.parse(slot.end), zoneOf(slot.portId), language, now)}
                </span>
                {onMove && (
                  <button type="button" onClick={() => onMove(slot)} data-testid="move-to-slot">
                    {moveLabel ?? t('repatriation.moveToSlot')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
