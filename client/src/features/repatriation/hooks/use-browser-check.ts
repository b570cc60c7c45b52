import { useMemo } from 'react';
import type { CheckBody, CheckResult } from '@shared/repatriation/contract.js';
import { checkRepatriation, prepareRepatriation } from '@shared/repatriation/engine.js';
import { instantMs, MS_PER_DAY } from '@shared/repatriation/windows.js';
import { usePorts } from '@client/features/reference/index.js';
import { useClock } from '@client/lib/clock.js';
import { useArrangements } from '../api/list-arrangements.js';
import { useMovements } from '../api/list-movements.js';

/**
 * The movements a check on `at`'s day can need: the window it falls in, two weeks of slots ahead
 * (`checkRange`, widened to whole UTC days so the list loads once per day typed, not per keystroke).
 */
function rangeAround(at: string): { from: string; to: string } {
  const day = Math.floor(instantMs(at) / MS_PER_DAY) * MS_PER_DAY;
  return { from: new Date(day - 2 * MS_PER_DAY).toISOString(), to: new Date(day + 16 * MS_PER_DAY).toISOString() };
}

/**
 * The shared engine in the browser, for an answer on every keystroke: the arrangements, the
 * ports with their status and the movements around the instant are loaded (and kept current
 * by live events) and prepared once; each request is then a pure check. The server runs the
 * same engine when the movement is saved, and its answer is the one that counts.
 */
export function useBrowserCheck(request: CheckBody | null): { verdict: CheckResult | null; error: unknown } {
  const clock = useClock();
  const arrangements = useArrangements();
  const ports = usePorts();
  const range = request ? rangeAround(request.at) : null;
  const movements = useMovements(range);

  const prepared = useMemo(() => {
    if (!range || !arrangements.data || !ports.data || !movements.data) return null;
    return prepareRepatriation({
      arrangements: arrangements.data,
      ports: ports.data,
      movements: movements.data,
      ...range,
    });
    // The range changes with the day typed; its strings are its identity.
  }, [range?.from, range?.to, arrangements.data, ports.data, movements.data]);

  const key = request ? JSON.stringify(request) : null;
  const verdict = useMemo(
    // The present too: a time far in the past or future is refused here as the server refuses it.
    () => (prepared && request ? checkRepatriation(prepared, request, clock()) : null),
    // `request` is rebuilt from the form on every render; its content is its identity.
    [prepared, key, clock],
  );
  return { verdict, error: arrangements.error ?? ports.error ?? movements.error };
}
