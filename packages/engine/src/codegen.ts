/**
 * Code generation (ENGINE.md §3.5): one JavaScript function body per model,
 * made of straight-line functions of at most ~300 equations over one
 * variable-major `Float64Array`. Source text comes only from the checked AST
 * through the emitters below, and is checked against a whitelist grammar
 * ({@link assertWhitelisted}) before anything runs it.
 */
import type { Expr } from './ast.js';
import { emitDenseBlock } from './codegen-dense.js';
import { emitLuFunctions } from './codegen-lu.js';
import { EngineError } from './diagnostics.js';
import { ExprEmitter, lagLocals } from './expr-emitter.js';
import type { Program, ProgramEquation } from './program.js';

/** Largest generated source (characters) of one straight-line function. */
const CHUNK_SOURCE_BUDGET = 12_000;

/**
 * Generates the function body for `program`. Run it as
 * `new Function('H', source)(helpers)`; it returns
 * `{ chunks, blocks: [{ jacobi, seidel, newton?, dense? }], cells, period }` in step order.
 */
export function generateSource(program: Program, slotNames: readonly string[]): string {
  const slotOf = new Map(slotNames.map((n, i) => [n, i]));
  const tableOf = new Map(program.tables.map((t, i) => [t.name, i]));
  const exo = new Set(program.exogenous);
  const paramSlots = new Set(program.params.map((p) => p.slot));
  const out: string[] = ['"use strict";', 'const X=H.X;const V=H.V;'];
  program.tables.forEach((_t, i) => {
    out.push(`const T${i}x=H.tables[${i}].x;const T${i}y=H.tables[${i}].y;const T${i}e=H.tables[${i}].e;`);
  });
  const chunks: string[] = [];
  const blocks: string[] = [];
  // The whole period in step order: chunks, generated dense solves, and F(block, result) for the
  // period loop to record iterations or solve the block itself (result 0: no generated solve).
  const period: string[] = [];
  // Sizes of the generated dense solves: each needs the LU unrolled for its size.
  const luSizes: number[] = [];
  const target = (eq: ProgramEquation) => `o[b+${eq.slot}]`;
  program.steps.forEach((step, k) => {
    const em = new ExprEmitter(slotOf, tableOf);
    const eqs = step.eqs.map((i) => program.equations[i]);
    if (step.kind === 'chunk') {
      // Split further by size: V8 stops optimising functions whose bytecode is too large,
      // and a few long expressions can get there well before CHUNK_SIZE equations.
      const parts: string[][] = [[]];
      // Params read in a part are loaded into locals once, at the top of its function.
      const partParams: number[][] = [[]];
      em.params = paramSlots;
      let size = 0;
      // A value computed earlier in the same function is read from its local, not from memory.
      const emitLine = (eq: ProgramEquation) => {
        if (exo.has(eq.name)) return `if(X[${eq.slot}]===0)${target(eq)}=${em.emit(eq.expr)};`;
        const line = `const v${eq.slot}=${em.emit(eq.expr)};${target(eq)}=v${eq.slot};`;
        em.locals.add(eq.slot);
        return line;
      };
      const loadsOf = (slots: Iterable<number>) => [...slots].map((s) => `const v${s}=o[b+${s}];`).join('');
      for (const eq of eqs) {
        em.usedParams.clear();
        let line = emitLine(eq);
        let fresh = [...em.usedParams].filter((s) => !partParams[partParams.length - 1].includes(s));
        let grows = line.length + loadsOf(fresh).length;
        if (size + grows > CHUNK_SOURCE_BUDGET && parts[parts.length - 1].length > 0) {
          parts.push([]);
          partParams.push([]);
          size = 0;
          em.locals.clear();
          em.usedParams.clear();
          line = emitLine(eq);
          fresh = [...em.usedParams];
          grows = line.length + loadsOf(fresh).length;
        }
        parts[parts.length - 1].push(line);
        partParams[partParams.length - 1].push(...fresh);
        size += grows;
      }
      const locals = lagLocals(em.lags);
      if (parts.length === 1) {
        out.push(`function c${k}(o,S,p,t,dt){${locals}${loadsOf(partParams[0])}\n${parts[0].join('\n')}\n}`);
      } else {
        parts.forEach((lines, i) => {
          out.push(`function c${k}_${i}(o,S,p,t,dt){${locals}${loadsOf(partParams[i])}\n${lines.join('\n')}\n}`);
        });
        out.push(`function c${k}(o,S,p,t,dt){${parts.map((_l, i) => `c${k}_${i}(o,S,p,t,dt);`).join('')}}`);
      }
      chunks.push(`c${k}`);
      period.push(`c${k}(o,S,p,t,dt);`);
      return;
    }
    const jac = eqs
      .map((eq, j) => {
        const value = em.emit(eq.expr);
        // A variable given from outside is the constant V[slot] inside the block, so Newton pins it there.
        return exo.has(eq.name) ? `r[${j}]=X[${eq.slot}]===0?${value}:V[${eq.slot}];` : `r[${j}]=${value};`;
      })
      .join('\n');
    const sei = eqs
      .map((eq) => {
        const value = em.emit(eq.expr);
        return exo.has(eq.name) ? `${target(eq)}=X[${eq.slot}]===0?${value}:V[${eq.slot}];` : `${target(eq)}=${value};`;
      })
      .join('\n');
    let newton = '';
    if (step.jacobian) {
      // F and the exact Jacobian together; a variable given from outside has F = V and a zero row.
      const n = eqs.length;
      const body = eqs
        .map((eq, j) => {
          const entries = step
            .jacobian!.filter((e) => e.row === j)
            .map((e) => `J[${j * n + e.col}]=${em.emit(e.expr)};`)
            .join('');
          const own = `r[${j}]=${em.emit(eq.expr)};${entries}`;
          return exo.has(eq.name) ? `if(X[${eq.slot}]===0){${own}}else{r[${j}]=V[${eq.slot}];}` : own;
        })
        .join('\n');
      newton = body;
    }
    const locals = lagLocals(em.lags);
    out.push(`function b${k}j(o,S,p,t,dt,r){${locals}\n${jac}\n}`);
    out.push(`function b${k}s(o,S,p,t,dt){${locals}\n${sei}\n}`);
    if (step.jacobian) {
      out.push(`function b${k}n(o,S,p,t,dt,r,J){${locals}\n${newton}\n}`);
      // Compiled runs solve the block in one generated function; a block with a variable given
      // from outside keeps DenseNewton over b{k}n (its guards would cost every iteration).
      if (eqs.some((eq) => exo.has(eq.name))) blocks.push(`{jacobi:b${k}j,seidel:b${k}s,newton:b${k}n}`);
      else {
        out.push(emitDenseBlock(k, step, eqs, slotOf, tableOf));
        luSizes.push(eqs.length);
        period.push(`F(${blocks.length},b${k}d(o,S,p,t,dt,tol,J,g,P));`);
        blocks.push(`{jacobi:b${k}j,seidel:b${k}s,newton:b${k}n}`);
        return;
      }
    } else blocks.push(`{jacobi:b${k}j,seidel:b${k}s}`);
    period.push(`F(${blocks.length - 1},0);`);
  });
  // Accounting cells and hidden identities, evaluated once per period when checks are on.
  const em = new ExprEmitter(slotOf, tableOf);
  const cellExprs = checkExpressions(program);
  const cellBody = cellExprs.map((e, i) => `c[${i}]=${em.emit(e)};`).join('\n');
  out.push(`function cells(o,S,p,t,dt,c){${lagLocals(em.lags)}\n${cellBody}\n}`);
  out.push(emitLuFunctions(luSizes));
  out.push(`function period(o,S,p,t,dt,tol,J,g,P,F){\n${period.join('\n')}\n}`);
  out.push(`return {chunks:[${chunks.join(',')}],blocks:[${blocks.join(',')}],cells:cells,period:period};`);
  const source = out.join('\n');
  assertWhitelisted(source);
  return source;
}

/**
 * The expressions evaluated by the per-period checks, in a fixed order: every
 * matrix cell (matrix by matrix, in cell order), then each hidden identity's
 * left and right side. Code generation and the interpreter share this order.
 */
export function checkExpressions(program: Program): Expr[] {
  const list: Expr[] = [];
  for (const m of program.matrices) for (const c of m.cells) list.push(c.expr);
  for (const h of program.hidden) list.push(h.left, h.right);
  return list;
}

const ALLOWED_WORDS = new Set([
  'use',
  'strict',
  'const',
  'function',
  'return',
  'if',
  'o',
  'S',
  'p',
  't',
  'dt',
  'r',
  'c',
  'b',
  'H',
  'X',
  'V',
  'Math',
  'cells',
  'chunks',
  'blocks',
  'jacobi',
  'seidel',
  'newton',
  'else',
  'J',
  'tables',
  'x',
  'y',
  'e',
  'PI',
  'pow',
  'log',
  'exp',
  'min',
  'max',
  'abs',
  'sqrt',
  'floor',
  'ceil',
  'round',
  'sin',
  'cos',
  'tan',
  'atan',
  'logBase',
  'clamp',
  'smin',
  'smax',
  'step',
  'ramp',
  'pulse',
  'lookup',
  'lagt',
  'sq',
  'dense',
  'period',
  'F',
  'let',
  'for',
  'false',
  'true',
  'it',
  'tol',
  'g',
  'P',
  'fa',
  'cv',
  'sm',
  'tiny',
  'sc',
  'pv',
  'lg',
  'tmp',
  'inv',
  'fk',
  'ak',
  'pivoted',
]);
/** Whitelisted words after which '/' would start a regular expression, not divide. */
const KEYWORDS = new Set(['return', 'const', 'let', 'for', 'function', 'if', 'use', 'strict']);
const GENERATED_NAME = /^(?:[qvwrdnms]\d+|c\d+(?:_\d+)?|b\d+[jsnd]|T\d+[xye]|lu[fs]\d+)$/;

/**
 * Asserts that generated source uses only the whitelist grammar: the words
 * above, generated local names, numbers, and operator/punctuation characters.
 * No string literals (other than the `"use strict"` directive), no comments,
 * no other identifiers — so no path exists from user text to executed code.
 */
export function assertWhitelisted(source: string): void {
  const body = source.startsWith('"use strict";') ? source.slice('"use strict";'.length) : source;
  const token =
    /\s+|[A-Za-z_$][A-Za-z0-9_$]*|\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|[-+*/()[\]{},;:?=!<>&|.]/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  let previous = '';
  token.lastIndex = 0;
  while (pos < body.length && (m = token.exec(body)) !== null) {
    const tok = m[0];
    const at = pos;
    pos = token.lastIndex;
    if (/^[A-Za-z_$]/.test(tok) && !ALLOWED_WORDS.has(tok) && !GENERATED_NAME.test(tok)) {
      throw new EngineError('codegen', `generated code contains a word outside the whitelist: '${tok}'`);
    }
    // '/' may only divide: after an operand, and not starting a comment (// or /*) or a regular expression.
    const afterOperand = /[A-Za-z0-9_$)\]]$/.test(previous) && !KEYWORDS.has(previous);
    if (tok === '/' && (!afterOperand || body[pos] === '/' || body[pos] === '*')) {
      throw new EngineError('codegen', `generated code contains a comment or regular expression at offset ${at}`);
    }
    if (!/^\s/.test(tok)) previous = tok;
  }
  if (pos !== body.length) {
    throw new EngineError(
      'codegen',
      `generated code contains a character outside the whitelist at offset ${pos}: '${body[pos]}'`,
    );
  }
}
