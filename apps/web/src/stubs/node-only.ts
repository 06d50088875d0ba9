/**
 * Stand-in for the Node-only modules the analysis package loads lazily for
 * its Node worker pool (piscina, node:module, node:url). The browser never
 * calls that runner; if it did, it fails in one line instead of bundling
 * Node's worker threads.
 */
const NOT_HERE = 'the Node worker pool does not run in a browser; use the Web Worker runner';

/** piscina's pool: fails when constructed. */
export class Piscina {
  constructor() {
    throw new Error(NOT_HERE);
  }
}

/** node:module's createRequire: fails when called. */
export function createRequire(): never {
  throw new Error(NOT_HERE);
}

/** node:url's pathToFileURL: fails when called. */
export function pathToFileURL(): never {
  throw new Error(NOT_HERE);
}

export default Piscina;
