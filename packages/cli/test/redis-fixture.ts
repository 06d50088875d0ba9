/**
 * Test helpers for sweeps on a Redis queue over loopback: a `redis-server`
 * child on a free port (no persistence), `endgame` processes (workers and
 * coordinators) spawned with Node, and ways to wait for what they print.
 * Every child is stopped by its PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { BIN, REPO_ROOT } from './run-cli.js';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A spawned child with everything it printed so far. */
export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** stdout so far. */
  out(): string;
  /** stderr so far. */
  err(): string;
  /** Resolves with the exit code (or signal) once the child has exited and its output is read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** PIDs of every child started here, so a failing test still stops them all. */
const started = new Set<number>();

/** Spawns `command args` (with `env` added to this process's environment) and records its output. */
export function spawnChild(command: string, args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  const pid = child.pid as number;
  started.add(pid);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      started.delete(pid);
      resolve({ code, signal });
    });
  });
  return { child, pid, out: () => out, err: () => err, exited };
}

/** Spawns `endgame ...args`. */
export function spawnEndgame(...args: string[]): Spawned {
  return spawnChild(process.execPath, [BIN, ...args]);
}

/** Spawns `endgame ...args` with `env` added to the environment. */
export function spawnEndgameWithEnv(env: Record<string, string>, ...args: string[]): Spawned {
  return spawnChild(process.execPath, [BIN, ...args], env);
}

/** Waits until `test()` holds (polling), failing after `timeoutMs` with `what` and `detail()`. */
export async function waitFor(
  what: string,
  test: () => boolean,
  timeoutMs = 60_000,
  detail: () => string = () => '',
): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops a child by PID (SIGKILL unless told otherwise) and waits for it to go. */
export async function stop(spawned: Spawned, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  try {
    process.kill(spawned.pid, signal);
  } catch {
    // already gone
  }
  await spawned.exited;
}

/** Kills every child still running (afterAll, also after a failure). */
export function killAll(): void {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  started.clear();
}

/** Starts `redis-server` on `port` (loopback, no persistence; `extra` flags, e.g. --requirepass) and waits until it accepts connections. */
export async function startRedis(port: number, ...extra: string[]): Promise<Spawned> {
  const redis = spawnChild('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    ...extra,
  ]);
  await waitFor('redis-server to start', () => /Ready to accept connections/.test(redis.out()), 20_000, redis.out);
  return redis;
}

/** Starts an `endgame worker` on `url` with short lock and stall intervals, and waits until it is ready. */
export async function startWorker(url: string, ...extra: string[]): Promise<Spawned> {
  const worker = spawnEndgame('worker', '--redis', url, '--lock-ms', '2000', '--stalled-ms', '1000', ...extra);
  await waitFor('a worker to start', () => /endgame worker: worker \S+ on /.test(worker.err()), 60_000, worker.err);
  return worker;
}
