/**
 * The Node worker of the pool runner (piscina runs this file in each worker
 * thread): runs one chunk of a batch and moves its result buffer back to the
 * main thread instead of copying it.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { handleWorkerTask, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** Piscina's task handler: one {@link WorkerTask} in, one {@link WorkerReply} out. */
export default function runChunk(task: WorkerTask): WorkerReply {
  const reply = handleWorkerTask(task);
  if (reply.kind !== 'ok') return reply;
  // Piscina posts `valueSymbol`'s value with `transferableSymbol`'s buffer in the transfer list.
  return move({ [transferableSymbol]: reply.values.buffer, [valueSymbol]: reply }) as unknown as WorkerReply;
}
