/**
 * Macro readers: a stored run (standalone mode) or a model instance being
 * stepped (coupled mode), both as `read(name, period)`.
 */
import type { ModelInstance, RunResult } from '@endgame/engine';
import type { MacroRead } from './macro-inputs.js';

/** Reads a finished run; series are fetched once each. */
export function resultReader(result: RunResult): MacroRead {
  const cache = new Map<string, Float64Array>();
  return (name, period) => {
    let series = cache.get(name);
    if (!series) {
      series = result.series(name);
      cache.set(name, series);
    }
    return series[period];
  };
}

/** Reads an instance between steps; call `refresh()` after each step. */
export function instanceReader(instance: ModelInstance): { read: MacroRead; refresh(): void } {
  let result: RunResult | undefined;
  const cache = new Map<string, Float64Array>();
  return {
    read(name, period) {
      let series = cache.get(name);
      if (!series) {
        result ??= instance.result();
        series = result.series(name);
        cache.set(name, series);
      }
      return series[period];
    },
    refresh() {
      result = undefined;
      cache.clear();
    },
  };
}
