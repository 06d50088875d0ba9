/**
 * `loadModel`: reads a model file (or text), follows `include:`s, applies
 * `as:` prefixes, evaluates param expressions and returns the {@link ModelIR}.
 */

import type { LoadOptions, ReadFile } from './api-types.js';
import type { Expr, SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';
import { renameExpr } from './expr-map.js';
import { evalConstant } from './interpreter.js';
import type { EquationDef, ModelIR, ParamDef } from './model-ir.js';
import { parseExpression } from './parser.js';
import { dirnameOf, joinPath } from './paths.js';
import { printExpr } from './print-expr.js';
import { type FilePart, type RawParam, readModelFile } from './read-model-file.js';
import { monthToPeriod, parseMonth } from './time.js';

/** Names a file part defines (params, variables, init targets, tables). */
function definedNames(part: FilePart): Set<string> {
  const names = new Set<string>();
  for (const p of part.params) names.add(p.name);
  for (const e of part.equations) names.add(e.name);
  for (const e of part.init) names.add(e.name);
  for (const i of part.initial) names.add(i.name);
  for (const t of part.tables) names.add(t.name);
  return names;
}

/** Prefixes every name the part defines with `prefix.`, and references to them. */
function prefixPart(part: FilePart, prefix: string): FilePart {
  const own = definedNames(part);
  const rn = (n: string) => (own.has(n) ? `${prefix}.${n}` : n);
  const re = (e: Expr) => renameExpr(e, rn);
  const eq = (e: EquationDef): EquationDef => {
    const name = rn(e.name);
    const expr = re(e.expr);
    // The text shows the resolved names (hh_pro.income, not income), so listings are unambiguous.
    return { ...e, name, target: name, expr, text: `${name} = ${printExpr(expr)}` };
  };
  return {
    ...part,
    params: part.params.map((p) => ({
      ...p,
      name: rn(p.name),
      valueExpr: typeof p.valueExpr === 'number' ? p.valueExpr : re(p.valueExpr),
    })),
    initial: part.initial.map((i) => ({ ...i, name: rn(i.name), expr: re(i.expr) })),
    init: part.init.map(eq),
    equations: part.equations.map(eq),
    hidden: part.hidden.map((h) => ({ ...h, left: re(h.left), right: re(h.right) })),
    shocks: part.shocks.map((s) => ({ ...s, target: rn(s.target) })),
    tables: part.tables.map((t) => ({ ...t, name: rn(t.name) })),
    matrices: part.matrices.map((m) => ({
      ...m,
      name: `${prefix}.${m.name}`,
      cells: m.cells.map((c) => ({ ...c, expr: re(c.expr) })),
    })),
  };
}

function merge(into: FilePart, from: FilePart): void {
  into.params.push(...from.params);
  into.initial.push(...from.initial);
  into.init.push(...from.init);
  into.equations.push(...from.equations);
  into.hidden.push(...from.hidden);
  into.shocks.push(...from.shocks);
  into.tables.push(...from.tables);
  into.matrices.push(...from.matrices);
}

function defaultReadFile(): ReadFile {
  const proc = (globalThis as { process?: { getBuiltinModule?: (m: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(p: string, e: string): string } | undefined;
  if (!fs) throw new EngineError('bad-input', 'no readFile given: pass { readFile } to load files outside Node');
  return (p) => fs.readFileSync(p, 'utf8');
}

function readText(readFile: ReadFile, path: string, from?: SourcePos): string {
  try {
    return readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err);
    throw new EngineError('file-not-found', `cannot read '${path}': ${why}`, from);
  }
}

/** Loads a file and its includes; names relative to that file. */
function loadPart(path: string, readFile: ReadFile, stack: string[], from?: SourcePos): FilePart {
  if (stack.includes(path)) {
    throw new EngineError('include-cycle', `include cycle: ${[...stack, path].join(' → ')}`, from);
  }
  const part = readModelFile(readText(readFile, path, from), path);
  const files = [path];
  for (const inc of part.includes) {
    const childPath = joinPath(dirnameOf(path), inc.file);
    let child = loadPart(childPath, readFile, [...stack, path], inc.pos);
    child = applyParamOverrides(child, inc.params, inc.pos);
    if (inc.as) child = prefixPart(child, inc.as);
    merge(part, child);
    files.push(...(child as FilePart & { files?: string[] }).files!);
  }
  return Object.assign(part, { files });
}

function applyParamOverrides(part: FilePart, overrides: Record<string, number>, pos: SourcePos): FilePart {
  for (const [name, value] of Object.entries(overrides)) {
    const p = part.params.find((q) => q.name === name);
    if (!p) throw new EngineError('undefined-name', `include params: '${name}' is not a param of ${part.file}`, pos);
    p.valueExpr = value;
  }
  return part;
}

/** Evaluates param values (numbers or expressions in other params), in dependency order. */
function evaluateParams(raw: RawParam[]): ParamDef[] {
  const byName = new Map(raw.map((p) => [p.name, p]));
  const values = new Map<string, number>();
  const visiting = new Set<string>();
  const valueFor = (name: string, pos: SourcePos): number => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const p = byName.get(name);
    if (!p) throw new EngineError('undefined-name', `param value refers to '${name}', which is not a param`, pos);
    if (visiting.has(name)) throw new EngineError('bad-param', `param '${name}' is defined in terms of itself`, p.pos);
    visiting.add(name);
    let v: number;
    if (typeof p.valueExpr === 'number') v = p.valueExpr;
    else v = evalConstant(p.valueExpr, (n, at) => valueFor(n, at));
    if (!Number.isFinite(v)) throw new EngineError('bad-param', `param '${name}' evaluates to ${v}`, p.pos);
    visiting.delete(name);
    values.set(name, v);
    return v;
  };
  return raw.map(({ valueExpr: _v, ...rest }) => ({ ...rest, value: valueFor(rest.name, rest.pos) }));
}

function headerNumber(value: unknown, key: string, pos: SourcePos | undefined, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const at = pos ?? { file: '<model>', line: 1, col: 1 };
    return evalConstant(parseExpression(value, at), (n) => {
      throw new EngineError(
        'bad-param',
        `'${key}' must be a number or an arithmetic expression; '${n}' is not allowed`,
        at,
      );
    });
  }
  throw new EngineError('schema', `'${key}' must be a number`, pos);
}

function toPeriod(value: unknown, startMonth: string | undefined, what: string, pos?: SourcePos): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  if (typeof value === 'string' && startMonth) return monthToPeriod(value, startMonth, pos);
  const hint = startMonth ? ' or "YYYY-MM"' : '';
  throw new EngineError('bad-shock', `${what} must be a period number ≥ 1${hint}, got ${JSON.stringify(value)}`, pos);
}

/**
 * Loads a model from a path or from YAML text (a string containing a newline
 * is text). `include:` paths are resolved relative to the including file and
 * read with `options.readFile` (Node's fs by default).
 */
export function loadModel(pathOrText: string, options: LoadOptions = {}): ModelIR {
  const isText = pathOrText.includes('\n');
  const rootName = isText ? (options.fileName ?? '<text>') : pathOrText;
  const baseRead = options.readFile ?? (isText ? undefined : defaultReadFile());
  const readFile: ReadFile = (p) => {
    if (isText && p === rootName) return pathOrText;
    if (!baseRead) return defaultReadFile()(p);
    return baseRead(p);
  };
  const root = loadPart(rootName, readFile, []) as FilePart & { files: string[] };
  const h = root.header;
  if (root.equations.length === 0 && root.includes.length === 0) {
    throw new EngineError('schema', `${rootName} has no equations: (a model needs equations: or include:)`, {
      file: rootName,
      line: 1,
      col: 1,
    });
  }
  let start = 1;
  let startMonth: string | undefined;
  if (typeof h.start === 'string') {
    parseMonth(h.start, h.pos.start);
    startMonth = h.start;
    const { year, month } = parseMonth(h.start, h.pos.start);
    start = year + (month - 1) / 12;
  } else start = headerNumber(h.start, 'start', h.pos.start, 1);
  const dt = headerNumber(h.dt, 'dt', h.pos.dt, startMonth ? 1 / 12 : 1);
  if (!(dt > 0)) throw new EngineError('schema', `dt must be > 0, got ${dt}`, h.pos.dt);
  const periods = headerNumber(h.periods, 'periods', h.pos.periods, 100);
  if (!Number.isInteger(periods) || periods < 1) {
    throw new EngineError('schema', `periods must be a whole number ≥ 1, got ${periods}`, h.pos.periods);
  }
  return {
    name: h.name ?? rootName.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    description: h.description ?? '',
    periods,
    dt,
    start,
    startMonth,
    timeUnit: h.timeUnit ?? (startMonth ? 'yr' : 'period'),
    params: evaluateParams(root.params),
    initial: root.initial,
    init: root.init,
    equations: root.equations,
    hidden: root.hidden,
    shocks: root.shocks.map((s) => ({
      ...s,
      from: toPeriod(s.from ?? 1, startMonth, `shock on '${s.target}': from`, s.pos),
      to: s.to === undefined ? undefined : toPeriod(s.to, startMonth, `shock on '${s.target}': to`, s.pos),
    })),
    tables: root.tables,
    matrices: root.matrices,
    meta: root.meta,
    files: root.files,
  };
}
