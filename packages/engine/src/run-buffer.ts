/**
 * Helpers over the period-major working buffer (slot i of period p at
 * o[p·S + i]) and the program's block slots.
 */
import type { Program } from './program.js';

/** Whether o[from..to) are all finite: 0·v is 0 for a finite v, NaN otherwise (four sums, no overflow). */
export function allFinite(o: Float64Array, from: number, to: number): boolean {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    a += 0 * o[i];
    b += 0 * o[i + 1];
    c += 0 * o[i + 2];
    d += 0 * o[i + 3];
  }
  for (; i < to; i++) a += 0 * o[i];
  return a + b + c + d === 0;
}

/** Slots of the k-th simultaneous block, in its equation order. */
export function blockSlots(program: Program, k: number): Int32Array {
  const blocks = program.steps.filter((s) => s.kind === 'block');
  return Int32Array.from(blocks[k].eqs.map((i) => program.equations[i].slot));
}

/** Period-major rows of S slots → variable-major series of P periods. */
export function transpose(o: Float64Array, S: number, P: number): Float64Array {
  const out = new Float64Array(S * P);
  for (let p = 0; p < P; p++) {
    const row = p * S;
    for (let i = 0; i < S; i++) out[i * P + p] = o[row + i];
  }
  return out;
}
