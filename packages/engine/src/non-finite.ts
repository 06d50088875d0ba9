/**
 * Explaining a NaN or Infinity: find the first equation (in evaluation order)
 * whose value is not finite, and name the variable, period and operands —
 * a division by zero gets its own error code.
 */
import type { Expr } from './ast.js';
import { fmt } from './checks.js';
import { EngineError } from './diagnostics.js';
import type { RuntimeContext } from './evaluators.js';
import { runtimeTables } from './evaluators.js';
import { evaluate, resolveExpr } from './interpreter.js';
import { printExpr } from './print-expr.js';

/** Throws the error that explains the first non-finite value of period p. */
export function diagnoseNonFinite(
  ctx: RuntimeContext,
  o: Float64Array,
  S: number,
  p: number,
  t: number,
  dt: number,
  label: string,
): never {
  const { program } = ctx;
  const tableOf = new Map(program.tables.map((x, i) => [x.name, i]));
  const frame = { o, S, p, t, dt, tables: runtimeTables(program) };
  const valueFor = (e: Expr) => evaluate(resolveExpr(e, ctx.slotOf, tableOf), frame);
  for (const step of program.steps) {
    for (const i of step.eqs) {
      const eq = program.equations[i];
      const v = o[p * S + eq.slot];
      if (Number.isFinite(v)) continue;
      let division: { num: Expr; den: Expr } | undefined;
      const operands = new Map<string, number>();
      walkTaken(eq.expr, valueFor, (node) => {
        if (node.kind === 'name' && ctx.slotOf.has(node.name)) operands.set(node.name, valueFor(node));
        if (node.kind === 'lag') operands.set(`${node.name}[-${node.lag}]`, valueFor(node));
        if (!division && node.kind === 'binary' && node.op === '/' && valueFor(node.right) === 0) {
          division = { num: node.left, den: node.right };
        }
      });
      const ops = [...operands].map(([n, x]) => `${n} = ${fmt(x)}`).join(', ');
      const where = eq.name.startsWith('__') ? `an internal variable (${eq.text})` : `'${eq.name}'`;
      if (division) {
        throw new EngineError(
          'division-by-zero',
          `division by zero in ${where} in period ${label}: ${printExpr(division.den)} = 0 in ${eq.text}${ops ? ` (operands: ${ops})` : ''}`,
          eq.pos,
          { variable: eq.name, label },
        );
      }
      throw new EngineError(
        'non-finite',
        `${where} is ${v} in period ${label}: ${eq.text}${ops ? ` (operands: ${ops})` : ''}`,
        eq.pos,
        {
          variable: eq.name,
          label,
        },
      );
    }
  }
  throw new EngineError('non-finite', `a value became NaN or infinite in period ${label}`);
}

/**
 * Visits the nodes that were actually evaluated: for `if(c, a, b)` only the
 * branch the condition took, so a division in the other branch is not blamed.
 */
function walkTaken(e: Expr, valueFor: (e: Expr) => number, visit: (node: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'unary':
      walkTaken(e.arg, valueFor, visit);
      break;
    case 'binary':
      walkTaken(e.left, valueFor, visit);
      walkTaken(e.right, valueFor, visit);
      break;
    case 'call':
      if (e.fn === 'if') {
        walkTaken(e.args[0], valueFor, visit);
        walkTaken(valueFor(e.args[0]) !== 0 ? e.args[1] : e.args[2], valueFor, visit);
      } else for (const a of e.args) walkTaken(a, valueFor, visit);
      break;
    default:
      break;
  }
}
