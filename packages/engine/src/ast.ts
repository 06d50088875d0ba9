/**
 * The abstract syntax tree of the expression language (ENGINE.md §2).
 *
 * Every node carries the exact source position it came from so that every
 * later pass (analysis, units, codegen, runtime checks) can point back at the
 * user's text. Nothing outside these node kinds can be represented, and code
 * generation only ever walks these nodes: user text never reaches `eval`.
 */

/** A position in a source file: 1-based line and column. */
export interface SourcePos {
  /** File name as the user gave it (or `<text>` for in-memory input). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

/** Binary operators, in the language's spelling. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** Unary operators. */
export type UnaryOp = '-' | 'not';

/** A numeric literal (unit-free wildcard for the unit checker). */
export interface NumNode {
  kind: 'num';
  value: number;
  pos: SourcePos;
}

/** A reference to a param, variable, table or one of the reserved names `time`, `dt`, `period`, `pi`. */
export interface NameNode {
  kind: 'name';
  name: string;
  pos: SourcePos;
}

/** `x[-k]`: the value of `x` k periods back (k ≥ 1, a literal integer). */
export interface LagNode {
  kind: 'lag';
  name: string;
  lag: number;
  pos: SourcePos;
}

/** A unary operation. */
export interface UnaryNode {
  kind: 'unary';
  op: UnaryOp;
  arg: Expr;
  pos: SourcePos;
}

/** A binary operation. */
export interface BinaryNode {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  pos: SourcePos;
}

/**
 * A call of a built-in function (`exp`, `if`, `lookup`, `smooth`, `d`, ...).
 * The parser accepts only names listed in {@link FUNCTIONS} with a valid arity.
 */
export interface CallNode {
  kind: 'call';
  fn: string;
  args: Expr[];
  pos: SourcePos;
}

/** Any expression node. */
export type Expr = NumNode | NameNode | LagNode | UnaryNode | BinaryNode | CallNode;

/** `NAME = expression` as parsed from an equation line. */
export interface EquationAst {
  /** The defined name (left-hand side). */
  target: string;
  /** Position of the left-hand side name. */
  targetPos: SourcePos;
  /** The right-hand side. */
  expr: Expr;
}

/** `expression = expression`, as used by `hidden:` identities. */
export interface IdentityAst {
  left: Expr;
  right: Expr;
  pos: SourcePos;
}

/** Names that are always defined and cannot be assigned. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['time', 'dt', 'period', 'pi']);

/**
 * Built-in functions and their allowed argument counts `[min, max]`.
 * `lookup`'s first argument must be a table name; `d`, `smooth`, `smooth3`,
 * `delay3` and `lagt` take a variable or expression as first argument.
 */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  if: [3, 3],
  min: [2, 2],
  max: [2, 2],
  abs: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  ln: [1, 1],
  sqrt: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  atan: [1, 1],
  pi: [0, 0],
  clamp: [3, 3],
  smin: [3, 3],
  smax: [3, 3],
  d: [1, 1],
  lagt: [2, 2],
  step: [2, 2],
  ramp: [3, 3],
  pulse: [3, 3],
  lookup: [2, 2],
  smooth: [2, 3],
  smooth3: [2, 3],
  delay3: [2, 3],
};
