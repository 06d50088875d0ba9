/**
 * Name analysis (ENGINE.md §3.2): duplicate and undefined names, lags of
 * unknown names, assignments to reserved names or params, unused params.
 */
import { type Expr, RESERVED_NAMES, type SourcePos } from './ast.js';
import { EngineError, type Warning } from './diagnostics.js';
import { walkExpr } from './expr-map.js';
import type { ModelIR } from './model-ir.js';
import { didYouMean } from './suggest.js';

/** Closest candidate by edit distance, for "did you mean" hints. */
export const suggest = didYouMean;

/** What each name is. */
export interface NameTable {
  params: Set<string>;
  variables: Set<string>;
  initOnly: Set<string>;
  tables: Set<string>;
}

/**
 * Checks every name in the model. Throws the first {@link EngineError}; returns warnings.
 */
export function analyseNames(ir: ModelIR): { names: NameTable; warnings: Warning[] } {
  const where = new Map<string, { what: string; pos: SourcePos }>();
  const define = (n: string, what: string, pos: SourcePos) => {
    if (RESERVED_NAMES.has(n) || n === 'accounting_residual_max') {
      throw new EngineError('duplicate-name', `'${n}' is a reserved name and cannot be defined as a ${what}`, pos);
    }
    if (n.startsWith('__'))
      throw new EngineError('bad-input', `names starting with '__' are reserved for the engine: '${n}'`, pos);
    const prev = where.get(n);
    if (prev) {
      const at = `${prev.pos.file}:${prev.pos.line}:${prev.pos.col}`;
      throw new EngineError(
        'duplicate-name',
        `'${n}' is defined twice: as a ${what} here and as a ${prev.what} at ${at}`,
        pos,
      );
    }
    where.set(n, { what, pos });
  };
  const names: NameTable = { params: new Set(), variables: new Set(), initOnly: new Set(), tables: new Set() };
  for (const p of ir.params) {
    define(p.name, 'param', p.pos);
    names.params.add(p.name);
  }
  for (const t of ir.tables) {
    define(t.name, 'table', t.pos);
    names.tables.add(t.name);
  }
  for (const e of ir.equations) {
    define(e.name, 'variable', e.pos);
    names.variables.add(e.name);
  }
  const initSeen = new Set<string>();
  for (const e of ir.init) {
    if (initSeen.has(e.name)) throw new EngineError('duplicate-name', `'${e.name}' has two init: equations`, e.pos);
    initSeen.add(e.name);
    if (names.params.has(e.name) || names.tables.has(e.name)) {
      throw new EngineError(
        'duplicate-name',
        `init: '${e.name}' is a ${names.params.has(e.name) ? 'param' : 'table'}; init equations define variables`,
        e.pos,
      );
    }
    if (!names.variables.has(e.name)) {
      define(e.name, 'init-only value', e.pos);
      names.initOnly.add(e.name);
    }
  }
  const series = new Set([...names.params, ...names.variables, ...names.initOnly]);
  const used = new Set<string>();
  const check = (e: Expr, context: string) => {
    walkExpr(e, (node) => {
      if (node.kind === 'name' && !RESERVED_NAMES.has(node.name)) {
        if (names.tables.has(node.name)) {
          throw new EngineError(
            'undefined-name',
            `${context}: '${node.name}' is a table; read it with lookup(${node.name}, x)`,
            node.pos,
          );
        }
        if (!series.has(node.name)) {
          throw new EngineError(
            'undefined-name',
            `${context}: '${node.name}' is not defined${suggest(node.name, series)}; define it under params: or equations:`,
            node.pos,
          );
        }
        used.add(node.name);
      } else if (node.kind === 'lag') {
        if (!series.has(node.name)) {
          throw new EngineError(
            'bad-lag',
            `${context}: lag of unknown name '${node.name}[-${node.lag}]'${suggest(node.name, series)}`,
            node.pos,
          );
        }
        used.add(node.name);
      }
    });
  };
  const checkLookups = (e: Expr, context: string) => {
    walkExpr(e, (node) => {
      if (node.kind !== 'call' || node.fn !== 'lookup') return;
      const t = node.args[0];
      if (t.kind !== 'name' || !names.tables.has(t.name)) {
        const n = t.kind === 'name' ? t.name : '?';
        throw new EngineError(
          'undefined-name',
          `${context}: lookup table '${n}' is not defined${suggest(n, names.tables)}; add it under tables:`,
          t.pos,
        );
      }
    });
  };
  const checkExpr = (e: Expr, context: string) => {
    checkLookups(e, context);
    check(stripLookupTables(e), context);
  };
  for (const e of ir.equations) checkExpr(e.expr, `equation '${e.name}'`);
  for (const e of ir.init) checkExpr(e.expr, `init equation '${e.name}'`);
  for (const i of ir.initial) {
    if (!series.has(i.name) || names.params.has(i.name)) {
      const why = names.params.has(i.name)
        ? 'is a param (set params under params:)'
        : `is not a variable${suggest(i.name, names.variables)}`;
      throw new EngineError('undefined-name', `initial: '${i.name}' ${why}`, i.pos);
    }
    checkExpr(i.expr, `initial value of '${i.name}'`);
  }
  for (const h of ir.hidden) {
    checkExpr(h.left, `hidden identity '${h.text}'`);
    checkExpr(h.right, `hidden identity '${h.text}'`);
  }
  for (const m of ir.matrices) {
    for (const c of m.cells) checkExpr(c.expr, `matrix '${m.name}', row '${c.row}', column '${c.sector}'`);
  }
  for (const s of ir.shocks) {
    if (!names.params.has(s.target) && !names.variables.has(s.target)) {
      throw new EngineError(
        'undefined-name',
        `shock: '${s.target}' is neither a param nor a variable${suggest(s.target, series)}`,
        s.pos,
      );
    }
    used.add(s.target);
  }
  const warnings: Warning[] = [];
  for (const p of ir.params) {
    if (!used.has(p.name))
      warnings.push({ code: 'unused-param', message: `param '${p.name}' is never used`, pos: p.pos });
  }
  return { names, warnings };
}

/** Replaces `lookup(table, x)`'s table argument by a number so the series-name check skips it. */
function stripLookupTables(e: Expr): Expr {
  switch (e.kind) {
    case 'unary':
      return { ...e, arg: stripLookupTables(e.arg) };
    case 'binary':
      return { ...e, left: stripLookupTables(e.left), right: stripLookupTables(e.right) };
    case 'call': {
      const args = e.args.map(stripLookupTables);
      return { ...e, args: e.fn === 'lookup' ? [{ kind: 'num', value: 0, pos: e.pos }, ...args.slice(1)] : args };
    }
    default:
      return e;
  }
}
