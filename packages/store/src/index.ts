/**
 * The results store: an embedded DuckDB file recording every `run`, `mc`,
 * `sensitivity`, `grid` and `sweep` with its inputs (model hash, scenario,
 * params, seed, version) and outputs. Imports only `@endgame/analysis` of
 * ours; the DuckDB native dependency stays inside this package.
 */
export { contentHash, sha256, stableJson } from './content-hash.js';
export { DEFAULT_STORE_PATH, type OpenStoreOptions, ResultsStore } from './results-store.js';
export { StoreError } from './store-error.js';
export { RECORD_KINDS, type RecordKind, STORE_SCHEMA_VERSION } from './store-schema.js';
export type * from './store-types.js';
