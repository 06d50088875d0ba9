import { compile, instantiate, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { loadHandwritten } from './gen-handwritten.js';
import { type GeneratedModel, generateModel } from './gen-model.js';
import type { BlockTerm, Ref, Term } from './gen-terms.js';

/**
 * An independent evaluation of a generated model straight from its structure:
 * each term's formula written out here, and each cyclic block solved by plain
 * fixed-point iteration of its contraction (not Newton, as the hand-written
 * version does, nor the engine's solver).
 */
function referenceRun(model: GeneratedModel): Float64Array[] {
  const n = model.names.length;
  const rows: Float64Array[] = [Float64Array.from(model.initial)];
  for (let p = 1; p <= model.periods; p++) {
    const x = new Float64Array(n);
    const val = (r: Ref): number => {
      if (r.kind === 'param') return model.params[r.index];
      return r.lag === 0 ? x[r.index] : rows[Math.max(0, p - r.lag)][r.index];
    };
    const term = (t: Term): number => {
      const a = 'a' in t ? Number(t.a) : 0;
      switch (t.kind) {
        case 'lin':
          return a * val(t.u);
        case 'ratio': {
          const v = val(t.v);
          return (a * val(t.u) * v) / (1 + v * v);
        }
        case 'max':
          return a * Math.max(val(t.u), val(t.v));
        case 'min':
          return a * Math.min(val(t.u), val(t.v));
        case 'abs':
          return a * Math.abs(val(t.u));
        case 'sqrt':
          return a * Math.sqrt(1 + val(t.u) ** 2);
        case 'gauss':
          return a * Math.exp(-0.1 * val(t.u) ** 2);
        case 'square':
          return (a * val(t.u) ** 2) / (1 + val(t.u) ** 2);
        case 'ifpos':
          return val(t.u) > val(t.v) ? a * val(t.u) : Number(t.b) * val(t.v);
        case 'param':
          return model.params[t.p];
        case 'sin':
          return Number(t.amp) * Math.sin(Number(t.freq) * p + Number(t.phase));
      }
    };
    const coupling = (t: BlockTerm): number => {
      const y = x[t.s];
      return t.kind === 'blin' ? Number(t.a) * y : (Number(t.a) * y) / (1 + 0.1 * y * y);
    };
    const byIndex = new Map(model.equations.map((e) => [e.index, e]));
    const blockStart = new Map(model.blocks.map((b) => [b[0], b]));
    for (let i = 0; i < n; ) {
      const block = blockStart.get(i);
      if (!block) {
        x[i] = byIndex.get(i)!.terms.reduce((s, t) => s + term(t), 0);
        i++;
        continue;
      }
      const fixed = block.map((j) => byIndex.get(j)!.terms.reduce((s, t) => s + term(t), 0));
      for (let sweep = 0; sweep < 1000; sweep++) {
        let change = 0;
        block.forEach((j, r) => {
          const next = fixed[r] + byIndex.get(j)!.blockTerms.reduce((s, t) => s + coupling(t), 0);
          change = Math.max(change, Math.abs(next - x[j]));
          x[j] = next;
        });
        if (change < 1e-15) break;
      }
      i += block.length;
    }
    rows.push(x);
  }
  return rows;
}

const close = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a));

describe('generateModel', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateModel({ seed: 11, equations: 300, periods: 20 });
    const b = generateModel({ seed: 11, equations: 300, periods: 20 });
    const c = generateModel({ seed: 12, equations: 300, periods: 20 });
    expect(b.yaml).toBe(a.yaml);
    expect(b.handwritten).toBe(a.handwritten);
    expect(c.yaml).not.toBe(a.yaml);
  });

  it('defines every variable exactly once and puts about 5 % of them in cyclic blocks of 2–8', () => {
    const m = generateModel({ seed: 3, equations: 2000, periods: 10 });
    const defined = m.yaml
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => l.slice(4).split(' = ')[0]);
    expect(new Set(defined).size).toBe(2000);
    expect(defined.length).toBe(2000);
    const inBlocks = m.blocks.flat().length;
    expect(inBlocks).toBeGreaterThanOrEqual(80);
    expect(inBlocks).toBeLessThanOrEqual(100);
    for (const b of m.blocks) {
      expect(b.length).toBeGreaterThanOrEqual(2);
      expect(b.length).toBeLessThanOrEqual(8);
    }
  });

  it('gives the same values from the hand-written version, the engine and an independent evaluation', () => {
    const m = generateModel({ seed: 5, equations: 400, periods: 30, blockShare: 0.1 });
    const n = m.names.length;
    const reference = referenceRun(m);
    const hand = loadHandwritten(m.handwritten).run(Float64Array.from(m.params), m.periods, m.initial);
    const engine = instantiate(compile(loadModel(m.yaml))).run();
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const series = engine.series(m.names[i]);
      for (let p = 0; p <= m.periods; p++) {
        const want = reference[p][i];
        if (!close(hand[p * n + i], want, 1e-9))
          throw new Error(`hand-written x${i} period ${p}: ${hand[p * n + i]} vs ${want}`);
        if (!close(series[p], want, 1e-8)) throw new Error(`engine x${i} period ${p}: ${series[p]} vs ${want}`);
        checked++;
      }
    }
    expect(checked).toBe(n * (m.periods + 1));
    expect(Math.max(...reference[m.periods].map(Math.abs))).toBeLessThan(10);
  });
});
