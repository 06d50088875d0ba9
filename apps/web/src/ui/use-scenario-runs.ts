/**
 * Runs the current scenario state in the model worker whenever it (or the
 * wanted series) changes; while a run is in flight only the newest state
 * waits, so dragging a slider never queues stale runs.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ScenarioState } from '../scenario/scenario-state.js';
import type { ModelClient } from '../worker/client.js';
import type { RunReply } from '../worker/protocol.js';

/** The newest finished run, its error, and a sequence number that counts finished runs. */
export interface RunStatus {
  result: RunReply | null;
  error: string | null;
  seq: number;
}

/** Runs `state` (with the series `names`) in `client`, newest request wins. */
export function useScenarioRuns(client: ModelClient | null, state: ScenarioState | null, names: string[]): RunStatus {
  const [status, setStatus] = useState<RunStatus>({ result: null, error: null, seq: 0 });
  const busy = useRef(false);
  const next = useRef<{ state: ScenarioState; names: string[] } | null>(null);
  const key = names.join(',');

  // A layout effect: the request leaves right after the commit, before the browser paints.
  // biome-ignore lint/correctness/useExhaustiveDependencies: names are compared through their joined key
  useLayoutEffect(() => {
    if (!client || !state) return;
    next.current = { state, names };
    const pump = (): void => {
      if (busy.current || !next.current) return;
      const request = next.current;
      next.current = null;
      busy.current = true;
      client
        .run(request)
        .then(
          (result) => setStatus((s) => ({ result, error: null, seq: s.seq + 1 })),
          (err: Error) => setStatus((s) => ({ result: s.result, error: err.message, seq: s.seq + 1 })),
        )
        .finally(() => {
          busy.current = false;
          pump();
        });
    };
    pump();
  }, [client, state, key]);

  return status;
}
