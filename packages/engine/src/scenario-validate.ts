/**
 * Checks a resolved scenario against a model (ENGINE.md §5): a scenario may
 * only name params; presets may only change `role: driver` params (users'
 * own scenarios get a warning instead).
 */
import type { CompiledModel } from './api-types.js';
import { EngineError, type Warning } from './diagnostics.js';
import type { ResolvedScenario } from './load-scenario.js';
import { formatKeyPath, suggestName } from './scenario-schema.js';

/** What {@link validateScenario} needs to know about a model. */
export interface ScenarioModelInfo {
  params: { name: string; role?: string }[];
  /** Endogenous variable names. */
  variables: string[];
}

/** What {@link validateScenario} needs to know about a compiled model: its params (with roles) and variables. */
export function scenarioModelInfo(compiled: CompiledModel): ScenarioModelInfo {
  return {
    params: compiled.slots.filter((s) => s.kind === 'param').map((s) => ({ name: s.name, role: s.role })),
    variables: compiled.slots.filter((s) => s.kind === 'variable').map((s) => s.name),
  };
}

/** One param name used by a scenario, and where. `changesValue` is false for uncertainty ranges. */
interface NameUse {
  name: string;
  keyPath: PropertyKey[];
  changesValue: boolean;
}

function namesUsed(s: ResolvedScenario): NameUse[] {
  const uses: NameUse[] = [];
  for (const name of Object.keys(s.set)) uses.push({ name, keyPath: ['set', name], changesValue: true });
  for (const name of Object.keys(s.paths)) uses.push({ name, keyPath: ['paths', name], changesValue: true });
  s.triggers.forEach((trigger, i) => {
    for (const name of Object.keys(trigger.set)) {
      uses.push({ name, keyPath: ['triggers', i, 'set', name], changesValue: true });
    }
  });
  for (const name of Object.keys(s.uncertainty)) {
    uses.push({ name, keyPath: ['uncertainty', name], changesValue: false });
  }
  return uses;
}

/**
 * Validates `s` against a model. Throws EngineError('bad-scenario') when the
 * scenario names an endogenous variable or an unknown name, when a trigger
 * has an empty `when`, or (mode `preset`) when it changes a param whose role
 * is not `driver`. In mode `user` the last case is a `scenario-non-driver`
 * warning instead. Uncertainty ranges do not change a param's value, so the
 * driver rule does not apply to them.
 */
export function validateScenario(s: ResolvedScenario, model: ScenarioModelInfo, mode: 'preset' | 'user'): Warning[] {
  const params = new Map(model.params.map((p) => [p.name, p]));
  const variables = new Set(model.variables);
  const paramNames = model.params.map((p) => p.name);
  const label = mode === 'preset' ? `preset '${s.name}'` : `scenario '${s.name}'`;
  const problems: string[] = [];
  const nonDrivers = new Map<string, string[]>();

  s.triggers.forEach((trigger, i) => {
    if (typeof trigger.when !== 'string' || trigger.when.trim() === '') {
      problems.push(`${label}: triggers[${i}].when is empty; give a condition on t−1 values, e.g. "u > 0.07"`);
    }
  });
  for (const use of namesUsed(s)) {
    const where = `${label}: ${formatKeyPath(use.keyPath)}`;
    const param = params.get(use.name);
    if (!param) {
      if (variables.has(use.name)) {
        problems.push(
          `${where}: '${use.name}' is an endogenous variable; a scenario can only set params (to override a variable, exogenise it with a shock in the model)`,
        );
      } else {
        const hint = suggestName(use.name, paramNames);
        problems.push(
          `${where}: unknown param '${use.name}'${hint ? ` (did you mean '${hint}'?)` : ''}; a scenario can only name the model's params`,
        );
      }
      continue;
    }
    if (use.changesValue && param.role !== 'driver') {
      const places = nonDrivers.get(use.name) ?? [];
      places.push(formatKeyPath(use.keyPath));
      nonDrivers.set(use.name, places);
    }
  }

  const warnings: Warning[] = [];
  for (const [name, places] of nonDrivers) {
    const role = params.get(name)?.role;
    const what = `'${name}' is not a driver param (role: ${role ?? 'none'}), changed at ${places.join(', ')}`;
    if (mode === 'preset') {
      problems.push(
        `${label}: ${what}; presets may only change params marked role: driver — mark it so in the model or move the change to a user scenario`,
      );
    } else {
      warnings.push({
        code: 'scenario-non-driver',
        message: `${label}: ${what}; presets could not do this — check that changing it is intended`,
      });
    }
  }
  if (problems.length > 0) {
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new EngineError('bad-scenario', `${problems[0]}${more}`, undefined, { problems });
  }
  return warnings;
}
