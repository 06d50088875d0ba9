/**
 * Reads ONE model file into a {@link FilePart}: every section parsed, every
 * expression parsed with its position, names still as written in that file.
 * `load-model.ts` follows includes and applies `as:` prefixes.
 */
import type { Expr, SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';
import type {
  DistKind,
  EquationDef,
  HiddenDef,
  InitialDef,
  MatrixCell,
  MatrixDef,
  ParamDef,
  ShockDef,
  TableDef,
} from './model-ir.js';
import { parseEquation, parseExpression, parseIdentity } from './parser.js';
import { entriesOf, isMap, isScalar, itemsOf, plain, readYaml, type YamlSource } from './yaml-source.js';

/** Top-level keys a model file may have (ENGINE.md §1). */
export const MODEL_KEYS = [
  'name',
  'description',
  'periods',
  'dt',
  'start',
  'time_unit',
  'params',
  'initial',
  'init',
  'equations',
  'hidden',
  'shocks',
  'tables',
  'matrices',
  'include',
  'meta',
] as const;

/** A param before its value expression is evaluated. */
export interface RawParam extends Omit<ParamDef, 'value'> {
  /** A number, or an expression in other params. */
  valueExpr: number | Expr;
}

/** An `include:` entry. */
export interface IncludeEntry {
  file: string;
  as?: string;
  params: Record<string, number>;
  pos: SourcePos;
}

/** Everything one file defines, names as written in the file. */
export interface FilePart {
  file: string;
  header: {
    name?: string;
    description?: string;
    periods?: unknown;
    dt?: unknown;
    start?: unknown;
    timeUnit?: string;
    pos: Record<string, SourcePos>;
  };
  params: RawParam[];
  initial: InitialDef[];
  init: EquationDef[];
  equations: EquationDef[];
  hidden: HiddenDef[];
  shocks: ShockDef[];
  tables: TableDef[];
  matrices: MatrixDef[];
  includes: IncludeEntry[];
  meta: Record<string, unknown>;
}

const DISTS: readonly DistKind[] = ['uniform', 'normal', 'lognormal', 'triangular', 'beta'];

function fail(message: string, pos: SourcePos): never {
  throw new EngineError('schema', message, pos);
}

function stringOr(value: unknown, what: string, pos: SourcePos): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${what} must be text, got ${JSON.stringify(value)}`, pos);
  return value;
}

function numberPair(value: unknown, what: string, pos: SourcePos): [number, number] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    fail(`${what} must be a list of two numbers like [0.1, 0.3], got ${JSON.stringify(value)}`, pos);
  }
  return [value[0], value[1]];
}

function readParam(src: YamlSource, name: string, keyNode: unknown, node: unknown): RawParam {
  const pos = src.posOf(keyNode);
  if (isMap(node)) {
    const allowed = new Set(['value', 'unit', 'doc', 'source', 'range', 'dist', 'shape', 'role']);
    const fields: Record<string, unknown> = {};
    let valueNode: unknown;
    for (const { key, keyNode: k, value } of entriesOf(node)) {
      if (!allowed.has(key)) {
        fail(`param '${name}': unknown field '${key}' (allowed: ${[...allowed].join(', ')})`, src.posOf(k));
      }
      fields[key] = plain(value);
      if (key === 'value') valueNode = value;
    }
    const v = fields.value;
    if (typeof v !== 'number' && typeof v !== 'string') {
      fail(`param '${name}' needs a value: a number or an expression in other params`, pos);
    }
    const dist = fields.dist;
    if (dist !== undefined && !DISTS.includes(dist as DistKind)) {
      fail(`param '${name}': dist must be one of ${DISTS.join(', ')}, got ${JSON.stringify(dist)}`, pos);
    }
    return {
      name,
      valueExpr: typeof v === 'number' ? v : parseExpression(v, src.posOf(valueNode)),
      unit: stringOr(fields.unit, `param '${name}' unit`, pos),
      doc: stringOr(fields.doc, `param '${name}' doc`, pos),
      source: stringOr(fields.source, `param '${name}' source`, pos),
      role: stringOr(fields.role, `param '${name}' role`, pos),
      range: numberPair(fields.range, `param '${name}' range`, pos),
      shape: numberPair(fields.shape, `param '${name}' shape`, pos),
      dist: dist as DistKind | undefined,
      pos,
    };
  }
  const v = plain(node);
  if (typeof v !== 'number' && typeof v !== 'string') {
    fail(`param '${name}' must be a number, an expression, or { value: ..., unit: ..., doc: ... }`, pos);
  }
  return { name, valueExpr: typeof v === 'number' ? v : parseExpression(v, src.posOf(node)), pos };
}

function readEquations(src: YamlSource, node: unknown, section: string): EquationDef[] {
  if (node === undefined || node === null) return [];
  if (!itemsOf(node).length && !(isScalar(node) || isMap(node))) return [];
  if (!Array.isArray(plain(node)))
    fail(`'${section}' must be a list of equations "NAME = expression"`, src.posOf(node));
  return itemsOf(node).map((item) => {
    let textNode: unknown = item;
    const extra: Record<string, string | undefined> = {};
    if (isMap(item)) {
      textNode = undefined;
      for (const { key, keyNode, value } of entriesOf(item)) {
        if (key === 'eq') textNode = value;
        else if (key === 'unit' || key === 'doc' || key === 'source')
          extra[key] = stringOr(plain(value), key, src.posOf(keyNode));
        else fail(`unknown field '${key}' in an equation (allowed: eq, unit, doc, source)`, src.posOf(keyNode));
      }
      if (!textNode) fail(`an equation written as a mapping needs 'eq: "NAME = expression"'`, src.posOf(item));
    }
    const text = plain(textNode);
    const pos = src.posOf(textNode);
    if (typeof text !== 'string') fail(`expected an equation "NAME = expression", got ${JSON.stringify(text)}`, pos);
    const ast = parseEquation(text, pos);
    return { ...ast, name: ast.target, text, pos, unit: extra.unit, doc: extra.doc, source: extra.source };
  });
}

function readHidden(src: YamlSource, node: unknown): HiddenDef[] {
  return itemsOf(node).map((item) => {
    let textNode: unknown = item;
    let tolerance: number | undefined;
    if (isMap(item)) {
      textNode = undefined;
      for (const { key, keyNode, value } of entriesOf(item)) {
        if (key === 'eq') textNode = value;
        else if (key === 'tolerance' && typeof plain(value) === 'number') tolerance = plain(value) as number;
        else fail(`unknown field '${key}' in a hidden identity (allowed: eq, tolerance)`, src.posOf(keyNode));
      }
    }
    const text = plain(textNode);
    const pos = src.posOf(textNode ?? item);
    if (typeof text !== 'string') fail(`expected an identity "expression = expression"`, pos);
    return { ...parseIdentity(text, pos), text, tolerance };
  });
}

function readInitial(src: YamlSource, node: unknown): InitialDef[] {
  return entriesOf(node).map(({ key, keyNode, value }) => {
    const v = plain(value);
    const pos = src.posOf(value);
    if (typeof v === 'number') return { name: key, expr: { kind: 'num', value: v, pos }, pos: src.posOf(keyNode) };
    if (typeof v !== 'string') fail(`initial value of '${key}' must be a number or an expression`, pos);
    return { name: key, expr: parseExpression(v, pos), pos: src.posOf(keyNode) };
  });
}

function readShocks(src: YamlSource, node: unknown): ShockDef[] {
  return itemsOf(node).map((item) => {
    const pos = src.posOf(item);
    const raw = plain(item) as Record<string, unknown>;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      fail('a shock is { set: NAME, value: ..., from: ... }', pos);
    for (const k of Object.keys(raw)) {
      if (!['set', 'value', 'from', 'to'].includes(k))
        fail(`unknown field '${k}' in a shock (allowed: set, value, from, to)`, pos);
    }
    if (typeof raw.set !== 'string') fail('a shock needs set: NAME (a param or a variable)', pos);
    const value = raw.value;
    const okList = Array.isArray(value) && value.every((v) => typeof v === 'number');
    if (typeof value !== 'number' && !okList)
      fail(`shock on '${raw.set}': value must be a number or a list of numbers`, pos);
    return {
      target: raw.set,
      value: value as number | number[],
      from: raw.from as number,
      to: raw.to as number | undefined,
      pos,
    };
  });
}

function readTables(src: YamlSource, node: unknown): TableDef[] {
  return entriesOf(node).map(({ key, keyNode, value }) => {
    const pos = src.posOf(keyNode);
    const raw = plain(value) as { x?: unknown; y?: unknown; extrapolate?: unknown };
    const isNums = (a: unknown): a is number[] => Array.isArray(a) && a.every((v) => typeof v === 'number');
    if (!raw || !isNums(raw.x) || !isNums(raw.y) || raw.x.length !== raw.y.length || raw.x.length < 2) {
      throw new EngineError('bad-table', `table '${key}' needs x: [...] and y: [...] of equal length ≥ 2`, pos);
    }
    for (let i = 1; i < raw.x.length; i++) {
      if (!(raw.x[i] > raw.x[i - 1])) throw new EngineError('bad-table', `table '${key}': x must be increasing`, pos);
    }
    return { name: key, x: raw.x, y: raw.y, extrapolate: raw.extrapolate === true, pos };
  });
}

function readMatrices(src: YamlSource, node: unknown): MatrixDef[] {
  return entriesOf(node).map(({ key: name, keyNode, value }) => {
    const pos = src.posOf(keyNode);
    let kind: MatrixDef['kind'] | undefined;
    let sectors: string[] = [];
    let realRows: string[] = [];
    let tolerance = 1e-9;
    let rowsNode: unknown;
    for (const { key, keyNode: k, value: v } of entriesOf(value)) {
      const p = plain(v);
      if (key === 'kind') kind = p as MatrixDef['kind'];
      else if (key === 'sectors' && Array.isArray(p)) sectors = p.map(String);
      else if (key === 'real_rows' && Array.isArray(p)) realRows = p.map(String);
      else if (key === 'tolerance' && typeof p === 'number') tolerance = p;
      else if (key === 'rows') rowsNode = v;
      else
        fail(
          `matrix '${name}': unknown or malformed field '${key}' (allowed: kind, sectors, rows, real_rows, tolerance)`,
          src.posOf(k),
        );
    }
    if (kind !== 'flow' && kind !== 'stock' && kind !== 'revaluation') {
      fail(`matrix '${name}': kind must be flow, stock or revaluation`, pos);
    }
    const rows: string[] = [];
    const cells: MatrixCell[] = [];
    const stockOf: Record<string, string> = {};
    for (const { key: row, value: rowNode } of entriesOf(rowsNode)) {
      rows.push(row);
      for (const { key: sector, keyNode: sk, value: cell } of entriesOf(rowNode)) {
        const text = plain(cell);
        if (sector === 'stock') {
          stockOf[row] = String(text);
          continue;
        }
        if (!sectors.includes(sector)) {
          fail(
            `matrix '${name}', row '${row}': '${sector}' is not one of its sectors (${sectors.join(', ')})`,
            src.posOf(sk),
          );
        }
        const cellPos = src.posOf(cell);
        const source = typeof text === 'number' ? String(text) : text;
        if (typeof source !== 'string')
          fail(`matrix '${name}', row '${row}', '${sector}': expected an expression`, cellPos);
        cells.push({ row, sector, expr: parseExpression(source, cellPos), text: source });
      }
    }
    return { name, kind, sectors, rows, cells, stockOf, realRows, tolerance, pos };
  });
}

function readIncludes(src: YamlSource, node: unknown): IncludeEntry[] {
  return itemsOf(node).map((item) => {
    const pos = src.posOf(item);
    const raw = plain(item);
    if (typeof raw === 'string') return { file: raw, params: {}, pos };
    const entry = raw as { file?: unknown; as?: unknown; params?: unknown };
    if (!entry || typeof entry.file !== 'string')
      fail('an include is a path or { file: PATH, as: PREFIX, params: {...} }', pos);
    if (entry.as !== undefined && (typeof entry.as !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.as))) {
      fail(`include 'as:' must be a simple name (letters, digits, _), got ${JSON.stringify(entry.as)}`, pos);
    }
    const params = (entry.params ?? {}) as Record<string, number>;
    for (const [k, v] of Object.entries(params)) {
      if (typeof v !== 'number') fail(`include params: '${k}' must be a number`, pos);
    }
    return { file: entry.file, as: entry.as as string | undefined, params, pos };
  });
}

/**
 * Parses one model file's text. Throws {@link EngineError} with the position
 * of the first problem (YAML syntax, unknown key, malformed section, equation syntax).
 */
export function readModelFile(text: string, file: string): FilePart {
  const src = readYaml(text, file);
  const byKey = new Map<string, { node: unknown; pos: SourcePos }>();
  for (const { key, keyNode, value } of entriesOf(src.root)) {
    const pos = src.posOf(keyNode);
    if (!(MODEL_KEYS as readonly string[]).includes(key)) {
      const hint = key === 'extends' ? ' (a file with extends: is a scenario: run it with `endgame run`)' : '';
      throw new EngineError(
        'unknown-key',
        `unknown top-level key '${key}'${hint}; allowed: ${MODEL_KEYS.join(', ')}`,
        pos,
      );
    }
    byKey.set(key, { node: value, pos });
  }
  const get = (k: string) => byKey.get(k)?.node;
  const headerPos: Record<string, SourcePos> = {};
  for (const [k, v] of byKey) headerPos[k] = v.pos;
  const meta = plain(get('meta'));
  return {
    file,
    header: {
      name: stringOr(plain(get('name')), 'name', headerPos.name),
      description: stringOr(plain(get('description')), 'description', headerPos.description),
      periods: plain(get('periods')),
      dt: plain(get('dt')),
      start: plain(get('start')),
      timeUnit: stringOr(plain(get('time_unit')), 'time_unit', headerPos.time_unit),
      pos: headerPos,
    },
    params: entriesOf(get('params')).map(({ key, keyNode, value }) => readParam(src, key, keyNode, value)),
    initial: readInitial(src, get('initial')),
    init: readEquations(src, get('init'), 'init'),
    equations: readEquations(src, get('equations'), 'equations'),
    hidden: readHidden(src, get('hidden')),
    shocks: readShocks(src, get('shocks')),
    tables: readTables(src, get('tables')),
    matrices: readMatrices(src, get('matrices')),
    includes: readIncludes(src, get('include')),
    meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {},
  };
}
