// `@clinikapi/proxy/redis`: stores for running several proxy instances behind a load balancer.
// A separate entry point so apps without Redis never load ioredis.
export {
  RedisDedupeStore,
  RedisEventBus,
  RedisNotConnectedError,
  RedisRateLimitStore,
  type RedisStoreOptions,
  redisStores,
} from './stores/redis.js';
