/**
 * Scenario triggers (`when`, `sustain`, `set`, `latch`): the condition parsed
 * with the model's parser, lowered and checked, ready for the interpreter to
 * evaluate on period t−1 values before period t is solved.
 */
import type { SlotInfo, TriggerSpec } from './api-types.js';
import { EngineError } from './diagnostics.js';
import { walkExpr } from './expr-map.js';
import { type Resolved, resolveExpr } from './interpreter.js';
import { Lowerer } from './lower.js';
import { parseExpression } from './parser.js';
import type { Program } from './program.js';

/** A trigger of one run, with its state. */
export interface ActiveTrigger {
  spec: TriggerSpec;
  when: Resolved;
  sets: { slot: number; value: number }[];
  held: number;
  latched: boolean;
  fired: boolean;
}

/** Parses, lowers and checks one trigger; bad conditions and targets are one-line `bad-scenario` errors. */
export function prepareTrigger(
  spec: TriggerSpec,
  program: Program,
  slots: readonly SlotInfo[],
  slotOf: Map<string, number>,
): ActiveTrigger {
  // d(x) of a name lowers to x − x[-1]; smooth, delays and d()/lagt() of an expression would need
  // hidden stocks, which a trigger cannot add.
  const lowerer = new Lowerer();
  const parsed = lowerer.lower(parseExpression(spec.when, { file: 'trigger', line: 1, col: 1 }), 'trigger');
  const unsupported = (why: string) =>
    new EngineError('bad-scenario', `trigger '${spec.when}': ${why}; a trigger condition reads values and lags`);
  if (lowerer.result.derived.length > 0) {
    throw unsupported('smooth, smooth3, delay3 and d() or lagt() of an expression are not allowed');
  }
  const tableOf = new Map(program.tables.map((t, i) => [t.name, i]));
  walkExpr(parsed, (n) => {
    if (n.kind === 'call' && n.fn === 'lookup' && !(n.args[0].kind === 'name' && tableOf.has(n.args[0].name))) {
      throw unsupported('lookup() names a table the model does not have');
    }
  });
  const when = resolveExpr(parsed, slotOf, tableOf);
  const sets = Object.entries(spec.set).map(([name, value]) => {
    const slot = slotOf.get(name);
    if (slot === undefined || slots[slot].kind !== 'param') {
      throw new EngineError('bad-scenario', `trigger '${spec.when}': '${name}' is not a param; triggers set params`);
    }
    return { slot, value };
  });
  return { spec, when, sets, held: 0, latched: false, fired: false };
}
