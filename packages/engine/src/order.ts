/**
 * Ordering (ENGINE.md §3.3): the contemporaneous dependency graph (lags
 * removed) → strongly connected components → evaluation order, and the
 * grouping of that order into the period loop's steps.
 */
import type { ProgramStep } from './program.js';

/**
 * Strongly connected components of a graph in which `deps[v]` lists the nodes
 * `v` depends on. Components come out dependencies-first (Tarjan's algorithm,
 * iterative so that long chains cannot overflow the stack); inside a component
 * nodes keep their original relative order.
 */
export function stronglyConnected(deps: readonly (readonly number[])[]): number[][] {
  const n = deps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  const edgePos = new Int32Array(n);
  const call: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1];
      const edges = deps[v];
      if (edgePos[v] < edges.length) {
        const w = edges[edgePos[v]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const parent = call[call.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        out.push(comp.sort((a, b) => a - b));
      }
    }
  }
  return out;
}

/** Largest number of equations in one generated straight-line function. */
export const CHUNK_SIZE = 300;

/**
 * Groups components into steps: runs of acyclic single equations become
 * chunks of at most {@link CHUNK_SIZE}; each cycle (or self-loop) becomes a
 * block with its sparsity pattern.
 */
export function groupSteps(components: number[][], deps: readonly (readonly number[])[]): ProgramStep[] {
  const steps: ProgramStep[] = [];
  let chunk: number[] = [];
  const flush = () => {
    if (chunk.length) steps.push({ kind: 'chunk', eqs: chunk });
    chunk = [];
  };
  for (const comp of components) {
    const v = comp[0];
    if (comp.length === 1 && !deps[v].includes(v)) {
      chunk.push(v);
      if (chunk.length >= CHUNK_SIZE) flush();
      continue;
    }
    flush();
    const local = new Map(comp.map((eq, i) => [eq, i]));
    const pattern = comp.map((eq) =>
      [...new Set(deps[eq].filter((d) => local.has(d)).map((d) => local.get(d)!))].sort((a, b) => a - b),
    );
    steps.push({ kind: 'block', eqs: comp, pattern });
  }
  flush();
  return steps;
}
