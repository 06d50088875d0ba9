/**
 * `compile`: resolved model → serialisable {@link CompiledModel} (generated
 * source + slot table + the program as plain data).
 */
import type { CompiledModel } from './api-types.js';
import { buildProgram } from './build-program.js';
import { generateSource } from './codegen.js';
import type { ModelIR } from './model-ir.js';
import type { Program } from './program.js';

/** Options for {@link compile}. */
export interface CompileOptions {
  /** Variables that runs may set from outside (shocks on variables, `step` inputs). */
  exogenous?: string[];
}

/** Compiles a loaded model. Throws {@link EngineError} for name, unit or structure problems. */
export function compile(ir: ModelIR, options: CompileOptions = {}): CompiledModel {
  const { program, slots, warnings } = buildProgram(ir, options.exogenous ?? []);
  const source = generateSource(
    program,
    slots.map((s) => s.name),
  );
  const blocks = program.steps.flatMap((step) =>
    step.kind === 'block'
      ? [{ vars: step.eqs.map((i) => program.equations[i].name), cyclic: true }]
      : step.eqs.map((i) => ({ vars: [program.equations[i].name], cyclic: false })),
  );
  return {
    name: ir.name,
    description: ir.description,
    periods: ir.periods,
    dt: ir.dt,
    start: ir.start,
    startMonth: ir.startMonth,
    timeUnit: ir.timeUnit,
    slots,
    blocks,
    source,
    data: program,
    warnings,
  };
}

/** Regenerates the source so that more variables can be set from outside. */
export function withExogenous(compiled: CompiledModel, names: readonly string[]): CompiledModel {
  const program = compiled.data as Program;
  const missing = names.filter((n) => !program.exogenous.includes(n));
  if (missing.length === 0) return compiled;
  const next: Program = { ...program, exogenous: [...program.exogenous, ...missing] };
  return {
    ...compiled,
    data: next,
    source: generateSource(
      next,
      compiled.slots.map((s) => s.name),
    ),
  };
}
