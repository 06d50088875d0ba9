/**
 * A lever's meaning, unit, calibration source, range and default, read from
 * the loaded model's slot metadata, and which levers the model cannot serve.
 */
import type { SlotInfo } from '@endgame/engine';
import type { ScenarioState } from '../scenario/scenario-state.js';
import { LEVERS, type LeverDef } from './lever-list.js';

/** A lever the loaded model can serve, with everything its slider and tooltip show. */
export interface LeverMeta {
  def: LeverDef;
  /** Unit shown next to the value. */
  unit: string;
  doc: string;
  source: string;
  /** Slider range in model units. */
  range: [number, number];
  /** Slider step in model units. */
  step: number;
  /** The model file's value (for the trigger: 0, meaning "from the start"). */
  modelDefault: number;
}

/** The slot metadata the page keeps (what the worker sends at start). */
export type SlotMeta = Pick<
  SlotInfo,
  'name' | 'kind' | 'unit' | 'doc' | 'source' | 'equation' | 'role' | 'range' | 'value'
>;

const TRIGGER_DOC =
  'UBI starts only once unemployment stays above this rate for 3 months, then stays on (latched); 0 pays it from the start';

function niceStep(lo: number, hi: number): number {
  const raw = (hi - lo) / 200;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? raw;
}

/** The levers the model serves, and the ids of those it does not (their param is absent or not a param). */
export function leverMetas(slots: readonly SlotMeta[]): { levers: LeverMeta[]; missing: LeverDef[] } {
  const byName = new Map(slots.map((slot) => [slot.name, slot]));
  const levers: LeverMeta[] = [];
  const missing: LeverDef[] = [];
  for (const def of LEVERS) {
    const slot = byName.get(def.param);
    if (def.kind === 'trigger') {
      if (!slot) {
        missing.push(def);
        continue;
      }
      const range = def.fallbackRange ?? [0, 0.15];
      levers.push({
        def,
        unit: def.shownUnit ?? '1',
        doc: TRIGGER_DOC,
        source: 'assumption (policy-response preset: 7 %)',
        range,
        step: 0.0025,
        modelDefault: 0,
      });
      continue;
    }
    if (slot?.kind !== 'param') {
      missing.push(def);
      continue;
    }
    const value = slot.value ?? 0;
    const range: [number, number] = slot.range ?? def.fallbackRange ?? [Math.min(0, value * 2), Math.max(1, value * 2)];
    levers.push({
      def,
      unit: def.shownUnit ?? slot.unit ?? '1',
      doc: slot.doc ?? '',
      source: slot.source ?? 'no source given',
      range,
      step: niceStep(range[0], range[1]),
      modelDefault: value,
    });
  }
  return { levers, missing };
}

/** The value a lever shows: the user's change, else the preset's value, else the model's. */
export function leverValue(meta: LeverMeta, state: ScenarioState, presetSet: Record<string, number>): number {
  if (meta.def.kind === 'trigger') return state.ubiTrigger ?? 0;
  const param = meta.def.param;
  if (Object.hasOwn(state.set, param)) return state.set[param];
  if (Object.hasOwn(presetSet, param)) return presetSet[param];
  return meta.modelDefault;
}

/** A value in the lever's shown units, with as many decimals as its slider step needs. */
export function formatLever(meta: LeverMeta, value: number): string {
  const scale = meta.def.scale ?? 1;
  const digits = Math.min(3, Math.max(0, -Math.floor(Math.log10(meta.step * scale) + 1e-9)));
  const unit = meta.unit === '%' ? ' %' : meta.unit === '1' ? '' : ` ${meta.unit}`;
  return `${(value * scale).toFixed(digits)}${unit}`;
}

/** Returns `state` with the lever moved to `value` (a trigger of 0 means "from the start"). */
export function withLever(state: ScenarioState, meta: LeverMeta, value: number): ScenarioState {
  if (meta.def.kind === 'trigger') return { ...state, ubiTrigger: value > 0 ? value : null };
  return { ...state, set: { ...state.set, [meta.def.param]: value } };
}
