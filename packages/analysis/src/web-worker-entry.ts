/**
 * The browser worker of the Web Worker runner. The web app starts it with
 * `new Worker(new URL('<path to>/analysis/src/web-worker-entry.ts', import.meta.url), { type: 'module' })`
 * and hands that factory to createWebWorkerRunner; it answers each
 * `{ id, task }` message with `{ id, reply }`, transferring the result buffer.
 */
import { attachWorkerScope, type WorkerScopeLike } from './web-worker-protocol.js';

attachWorkerScope(globalThis as unknown as WorkerScopeLike);
