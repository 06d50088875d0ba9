/**
 * The analysis package: seeded random streams, distributions, Monte Carlo,
 * Sobol/Morris sensitivity, outcome maps, the policy optimiser and the runner
 * interface (in-process, Node worker pool, Web Worker). Depends on
 * `@endgame/engine` and `@endgame/model` only.
 */
export type * from './types.js';
