/**
 * Structural transforms of expressions: renaming references (for `as:`
 * prefixes), a node's children and a generic top-down visitor.
 */
import type { Expr } from './ast.js';

/**
 * Returns a copy of `e` where every name and lag reference, and the table
 * argument of `lookup`, is passed through `rename`. Reserved names are kept.
 */
export function renameExpr(e: Expr, rename: (name: string) => string): Expr {
  switch (e.kind) {
    case 'num':
      return e;
    case 'name':
      return { ...e, name: rename(e.name) };
    case 'lag':
      return { ...e, name: rename(e.name) };
    case 'unary':
      return { ...e, arg: renameExpr(e.arg, rename) };
    case 'binary':
      return { ...e, left: renameExpr(e.left, rename), right: renameExpr(e.right, rename) };
    case 'call':
      return { ...e, args: e.args.map((a) => renameExpr(a, rename)) };
  }
}

/** The direct subexpressions of `e` (none for numbers, names and lags). */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

/** Calls `visit` on every node of `e`, parents before children. */
export function walkExpr(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  for (const child of childrenOf(e)) walkExpr(child, visit);
}
