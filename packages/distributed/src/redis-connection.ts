/**
 * Redis connections for the queue backend: `redis://[user:password@]host:port[/db]`
 * or `rediss://…` for TLS. A password may also come from `$ENDGAME_REDIS_PASSWORD`
 * (so it stays out of the process list and shell history). URLs are shown
 * only with the password masked.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** Environment variable holding the Redis password when the URL has none. */
export const REDIS_PASSWORD_ENV = 'ENDGAME_REDIS_PASSWORD';

/** A bad `--redis` URL. */
export class RedisUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUrlError';
  }
}

/** Checks a Redis URL (scheme redis: or rediss:, a host) and returns it parsed. */
export function checkRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`bad --redis '${redactRedisUrl(url)}': expected redis://host:port or rediss://host:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisUrlError(
      `bad --redis '${redactRedisUrl(url)}': the scheme must be redis: or rediss: (TLS), got ${parsed.protocol}`,
    );
  }
  if (parsed.hostname === '') throw new RedisUrlError(`bad --redis '${redactRedisUrl(url)}': no host`);
  return parsed;
}

/** `url` with any password replaced by `***` (for logs and errors). */
export function redactRedisUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/)([^:@/]*):([^@/]*)@/i, '$1$2:***@');
}

/**
 * A new ioredis connection to `url` that retries for ever: commands wait
 * while Redis is away (restarts) and run once it is back, as BullMQ needs.
 * Connection errors arrive as events and reconnecting is automatic, so they
 * are listened to (an unheard 'error' event would end the process).
 */
export function connectRedis(url: string, extra: RedisOptions = {}): Redis {
  const parsed = checkRedisUrl(url);
  const password = parsed.password === '' ? process.env[REDIS_PASSWORD_ENV] : undefined;
  const connection = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * times, 1000),
    ...(password ? { password } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: { servername: parsed.hostname } } : {}),
    ...extra,
  });
  connection.on('error', () => {});
  return connection;
}
