import type { Redis } from 'ioredis';

/**
 * The client is between connections (Redis unreachable): a command would wait in ioredis's
 * offline queue and run late, after the outage. The stores fail at once instead.
 */
export class RedisNotConnectedError extends Error {
  override name = 'RedisNotConnectedError';
  readonly code = 'ERR_CLINIK_REDIS_NOT_CONNECTED';
}

/** Per client: its connection dropped and has not been ready since (it is reconnecting). */
const dropped = new WeakMap<Redis, boolean>();

const BETWEEN_CONNECTIONS = new Set(['reconnecting', 'close', 'end']);

/**
 * Follows `client`'s drops and returns (once per client, however many stores share it), so a
 * reconnection attempt (`connecting`, `connect`) is told apart from the first connection.
 */
export function trackConnection(client: Redis): void {
  if (dropped.has(client)) return;
  dropped.set(client, BETWEEN_CONNECTIONS.has(client.status));
  client.on('close', () => dropped.set(client, true));
  client.on('ready', () => dropped.set(client, false));
}

/**
 * `client` if it is connected or making its first connection (`wait` with `lazyConnect`,
 * `connecting`, `connect`: commands wait for it, or fail at once without an offline queue);
 * throws {@link RedisNotConnectedError} while it reconnects after a drop.
 */
export function connected(client: Redis): Redis {
  const { status } = client;
  if (status === 'ready') return client;
  if (BETWEEN_CONNECTIONS.has(status) || dropped.get(client) === true) {
    throw new RedisNotConnectedError(`The Redis connection is ${status}`);
  }
  return client;
}
