/**
 * The messages of the Web Worker runner — `{ id, task }` to a worker,
 * `{ id, reply }` back — and the worker side's message handler, which any
 * postMessage-shaped scope can use (a browser DedicatedWorkerGlobalScope, a
 * Node MessagePort in tests).
 */
import { handleWorkerTask, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** A request from the runner: one chunk, numbered so its reply can be matched. */
export interface WebWorkerRequest {
  id: number;
  task: WorkerTask;
}

/** A worker's reply to the request with the same `id`. */
export interface WebWorkerResponse {
  id: number;
  reply: WorkerReply;
}

/** What the worker side needs of its scope: messages in, messages out (with a transfer list). */
export interface WorkerScopeLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

/** Answers every request posted to `scope` (the worker side of the Web Worker runner). */
export function attachWorkerScope(scope: WorkerScopeLike): void {
  scope.onmessage = (event) => {
    const { id, task } = event.data as WebWorkerRequest;
    const reply = handleWorkerTask(task);
    const response: WebWorkerResponse = { id, reply };
    scope.postMessage(response, reply.kind === 'ok' ? [reply.values.buffer as ArrayBuffer] : []);
  };
}
