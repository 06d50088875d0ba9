/**
 * Name references of an expression, for dependency graphs and lag storage.
 */
import { type Expr, RESERVED_NAMES } from './ast.js';

/** The names an expression reads. */
export interface NameUse {
  /** Names read in the current period (reserved names and `lookup` table names excluded). */
  names: Set<string>;
  /** Names read with an explicit lag `x[-k]`, each with its largest k. */
  lags: Map<string, number>;
}

/**
 * Collects the contemporaneous name references of `e` (excluding the reserved
 * names `time`, `dt`, `period`, `pi` and the first argument of `lookup`, which
 * is a table name) and its lagged references `x[-k]` with their maximum lag.
 *
 * The walk is syntactic: the lags implied by `d(x)`, `smooth(...)` or
 * `lagt(...)` are not added (expand those first when they matter); their
 * arguments count as ordinary references. A lagged reserved name
 * (`time[-1]`) is reported in `lags` so later passes can reject it.
 * Iterative, so it never overflows the stack.
 */
export function collectNames(e: Expr): NameUse {
  const names = new Set<string>();
  const lags = new Map<string, number>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'num':
        break;
      case 'name':
        if (!RESERVED_NAMES.has(node.name)) names.add(node.name);
        break;
      case 'lag':
        lags.set(node.name, Math.max(lags.get(node.name) ?? 0, node.lag));
        break;
      case 'unary':
        stack.push(node.arg);
        break;
      case 'binary':
        stack.push(node.left, node.right);
        break;
      case 'call': {
        const skipTable = node.fn === 'lookup' && node.args[0]?.kind === 'name';
        for (let i = skipTable ? 1 : 0; i < node.args.length; i++) stack.push(node.args[i]!);
        break;
      }
    }
  }
  return { names, lags };
}
