/**
 * Structural transforms of expressions: renaming references (for `as:`
 * prefixes) and a generic bottom-up visitor.
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

/** Calls `visit` on every node of `e`, parents before children. */
export function walkExpr(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'unary':
      walkExpr(e.arg, visit);
      break;
    case 'binary':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      break;
    case 'call':
      for (const a of e.args) walkExpr(a, visit);
      break;
    default:
      break;
  }
}
