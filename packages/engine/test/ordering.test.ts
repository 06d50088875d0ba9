import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { instantiate } from '../src/instance.js';
import { loadModel } from '../src/load-model.js';
import { CHUNK_SIZE, groupSteps, stronglyConnected } from '../src/order.js';
import type { ProgramStep } from '../src/program.js';
import { yaml } from './fixtures/harness.js';

/** Every component comes after the components of everything it depends on. */
function expectTopological(components: number[][], deps: readonly (readonly number[])[]): void {
  const componentOf = new Map<number, number>();
  components.forEach((c, k) => {
    for (const v of c) componentOf.set(v, k);
  });
  expect(componentOf.size).toBe(deps.length);
  deps.forEach((ds, v) => {
    for (const d of ds) expect(componentOf.get(d)!).toBeLessThanOrEqual(componentOf.get(v)!);
  });
}

describe('stronglyConnected', () => {
  it('finds the cycles of a known graph, dependencies first', () => {
    // deps[v] = what v reads. Cycles: 0 → 1 → 2 → 0 and 5 ⇄ 6; 4 reads itself; 3 reads the first cycle;
    // 5 reads 3. Tarjan from node 0 closes {0,1,2} first, then {3}, {4}, and {5,6} last.
    const deps = [[1], [2], [0], [2], [4], [3, 6], [5]];
    const components = stronglyConnected(deps);
    expect(components).toEqual([[0, 1, 2], [3], [4], [5, 6]]);
    expectTopological(components, deps);
  });

  it('keeps the original order inside a component and handles isolated nodes', () => {
    const deps = [[], [3], [], [1], []];
    const components = stronglyConnected(deps);
    expect(components).toContainEqual([1, 3]);
    expect(components.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    expectTopological(components, deps);
  });

  it('agrees with mutual reachability on random graphs', () => {
    const graph = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(graph, (deps) => {
        const n = deps.length;
        // reach[a][b]: b is reachable from a along dependency edges (Warshall's transitive closure).
        const reach = deps.map((ds, a) => Array.from({ length: n }, (_, b) => a === b || ds.includes(b)));
        for (let k = 0; k < n; k++)
          for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) reach[a][b] ||= reach[a][k] && reach[k][b];
        const components = stronglyConnected(deps);
        expectTopological(components, deps);
        for (const c of components) {
          for (let a = 0; a < n; a++) {
            // a is in c exactly when it reaches and is reached by c's first node.
            expect(c.includes(a)).toBe(reach[a][c[0]] && reach[c[0]][a]);
          }
          expect(c).toEqual([...c].sort((x, y) => x - y));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not overflow the stack on a 100,000-long chain or cycle', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, i) => (i > 0 ? [i - 1] : []));
    const forward = stronglyConnected(chain);
    expect(forward).toHaveLength(n);
    expect(forward[0]).toEqual([0]);
    expect(forward[n - 1]).toEqual([n - 1]);
    // Reading the next node instead: the order must reverse.
    const reverse = stronglyConnected(Array.from({ length: n }, (_, i) => (i < n - 1 ? [i + 1] : [])));
    expect(reverse[0]).toEqual([n - 1]);
    expect(reverse[n - 1]).toEqual([0]);
    const ring = stronglyConnected(Array.from({ length: n }, (_, i) => [(i + 1) % n]));
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(n);
  });
});

describe('groupSteps', () => {
  const chunkSizes = (steps: ProgramStep[]) => steps.map((s) => (s.kind === 'chunk' ? s.eqs.length : -s.eqs.length));

  it('splits runs of single equations into chunks of at most 300', () => {
    expect(CHUNK_SIZE).toBe(300);
    const deps = Array.from({ length: 700 }, (_, i) => (i > 0 ? [i - 1] : []));
    const steps = groupSteps(stronglyConnected(deps), deps);
    expect(chunkSizes(steps)).toEqual([300, 300, 100]);
    expect(steps.flatMap((s) => s.eqs)).toEqual(Array.from({ length: 700 }, (_, i) => i));
  });

  it('makes each cycle and self-loop a block with a block-local pattern', () => {
    // 0..349 a chain; 350 ⇄ 351 ⇄ 352 a cycle that also reads 349; 353 a self-loop; 354 reads 353.
    const deps: number[][] = Array.from({ length: 350 }, (_, i) => (i > 0 ? [i - 1] : []));
    deps.push([351, 349], [352], [350, 351], [353, 352], [353]);
    const steps = groupSteps(stronglyConnected(deps), deps);
    // A block ends the current chunk: 300, 50, the 3-block, the 1-block (self-loop), then a chunk of 1.
    expect(chunkSizes(steps)).toEqual([300, 50, -3, -1, 1]);
    const cycle = steps[2];
    expect(cycle.kind).toBe('block');
    if (cycle.kind !== 'block') return;
    expect(cycle.eqs).toEqual([350, 351, 352]);
    // Local indices: 350 → 0, 351 → 1, 352 → 2. The dependency on 349 (outside the block) is dropped.
    expect(cycle.pattern).toEqual([[1], [2], [0, 1]]);
    const self = steps[3];
    expect(self.kind === 'block' && self.pattern).toEqual([[0]]);
  });
});

describe('ordering in compiled models', () => {
  it('generates functions of at most 300 equations for a 700-equation chain, in dependency order', () => {
    const eqs = Array.from({ length: 700 }, (_, i) => `  - x${i} = ${i === 0 ? 'x699[-1] + 1' : `x${i - 1} + 1`}`);
    // Written in reverse so that evaluation order must come from the graph, not the file.
    const compiled = compile(loadModel(yaml('periods: 2', 'equations:', ...eqs.reverse())));
    const bodies = compiled.source.split(/\nfunction /).slice(1);
    const counts = bodies.map((b) => (b.match(/\]=/g) ?? []).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(300);
    expect(counts.filter((c) => c > 0).reduce((a, b) => a + b, 0)).toBe(700);
    const r = instantiate(compiled).run();
    // Period 1: x0 = x699[0] + 1 = 1 and x_i = i + 1; period 2: x0 = 700 + 1, x_i = 701 + i.
    expect(r.series('x699')[1]).toBe(700);
    expect(r.series('x0')[2]).toBe(701);
    expect(r.series('x699')[2]).toBe(1400);
  });

  it('reports a simultaneous block and the acyclic rest in block order', () => {
    const compiled = compile(
      loadModel(yaml('equations:', '  - c = a + b', '  - a = 0.5 * b + 1', '  - b = 0.5 * a', '  - d = c[-1]')),
    );
    const blocks = compiled.blocks.map((b) => ({ vars: [...b.vars].sort(), cyclic: b.cyclic }));
    expect(blocks).toContainEqual({ vars: ['a', 'b'], cyclic: true });
    const where = (v: string) => compiled.blocks.findIndex((b) => b.vars.includes(v));
    expect(where('c')).toBeGreaterThan(where('a'));
    // a = 0.5·(0.5a) + 1 → a = 4/3, b = 2/3, c = 2.
    const r = instantiate(compiled).run({ periods: 2 });
    expect(r.series('a')[1]).toBeCloseTo(4 / 3, 12);
    expect(r.series('c')[1]).toBeCloseTo(2, 12);
    expect(r.series('d')[2]).toBeCloseTo(2, 12);
  });
});
