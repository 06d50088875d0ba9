/**
 * The levers: a preset picker, reset and undo, and grouped sliders with their
 * unit and a tooltip (meaning, calibration source, default). Levers the model
 * lacks are listed in a notice instead of shown.
 */
import type { PresetInfo } from '@endgame/model';
import { memo } from 'react';
import { LEVER_GROUPS, type LeverDef } from '../levers/lever-list.js';
import { formatLever, type LeverMeta, leverValue } from '../levers/lever-meta.js';
import type { ScenarioState } from '../scenario/scenario-state.js';

/** Props of {@link LeverPanel}. */
export interface LeverPanelProps {
  presets: PresetInfo[];
  presetSet: Record<string, number>;
  levers: LeverMeta[];
  missing: LeverDef[];
  state: ScenarioState;
  canUndo: boolean;
  onPreset(name: string): void;
  onLever(meta: LeverMeta, value: number): void;
  onReset(): void;
  onUndo(): void;
}

function tooltip(meta: LeverMeta, presetSet: Record<string, number>, preset: string): string {
  const def = meta.def.kind === 'trigger' ? 0 : meta.modelDefault;
  const inPreset = Object.hasOwn(presetSet, meta.def.param) && meta.def.kind !== 'trigger';
  return [
    meta.doc,
    `Source: ${meta.source}`,
    `Default: ${formatLever(meta, def)}${inPreset ? `; ${preset}: ${formatLever(meta, presetSet[meta.def.param])}` : ''}`,
    `Range: ${formatLever(meta, meta.range[0])} to ${formatLever(meta, meta.range[1])}`,
    meta.def.kind === 'trigger' ? 'Scenario trigger' : `Param: ${meta.def.param}`,
  ].join('\n');
}

/** The lever panel (re-rendered only when the state or its inputs change). */
export const LeverPanel = memo(function LeverPanel(props: LeverPanelProps) {
  const { state, presetSet } = props;
  return (
    <aside className="levers" aria-label="Levers">
      <div className="preset-row">
        <label>
          Preset{' '}
          <select data-testid="preset" value={state.preset} onChange={(e) => props.onPreset(e.target.value)}>
            {props.presets.map((p) => (
              <option key={p.name} value={p.name} title={p.description}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="reset" onClick={props.onReset}>
          Reset
        </button>
        <button type="button" data-testid="undo" onClick={props.onUndo} disabled={!props.canUndo}>
          Undo
        </button>
      </div>
      <p className="preset-description">{props.presets.find((p) => p.name === state.preset)?.description}</p>
      {LEVER_GROUPS.map((group) => {
        const metas = props.levers.filter((m) => m.def.group === group);
        if (metas.length === 0) return null;
        return (
          <fieldset key={group} className="lever-group">
            <legend>{group}</legend>
            {metas.map((meta) => {
              const value = leverValue(meta, state, presetSet);
              const changed =
                meta.def.kind === 'trigger' ? state.ubiTrigger !== null : Object.hasOwn(state.set, meta.def.param);
              const id = `lever-${meta.def.id}`;
              const help = tooltip(meta, presetSet, state.preset);
              return (
                <div key={meta.def.id} className={`lever${changed ? ' changed' : ''}`} title={help}>
                  <label htmlFor={id}>
                    <span className="lever-label">{meta.def.label}</span>
                    <output htmlFor={id} data-testid={`${id}-value`}>
                      {formatLever(meta, value)}
                    </output>
                  </label>
                  <input
                    id={id}
                    data-testid={id}
                    type="range"
                    min={meta.range[0]}
                    max={meta.range[1]}
                    step={meta.step}
                    value={value}
                    aria-valuetext={formatLever(meta, value)}
                    aria-describedby={`${id}-help`}
                    onChange={(e) => props.onLever(meta, Number(e.target.value))}
                  />
                  <span id={`${id}-help`} className="visually-hidden" data-testid={`${id}-help`}>
                    {help}
                  </span>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      {props.missing.length > 0 && (
        <p className="notice" data-testid="missing-levers">
          Not in this model yet (hidden): {props.missing.map((d) => `${d.label} (${d.param})`).join(', ')}.
        </p>
      )}
    </aside>
  );
});
