import { type Logger } from 'pino';

import { createLocalGates } from '../hubspot/call';
import { type Coordination } from './coordination';
import { createLocalCoordination } from './local-coordination';
import { connectRedis, createRedisCoordination, type RedisTimings } from './redis-coordination';

/**
 * Without `redisUrl`, this process coordinates with itself (in memory); with it, with every instance that
 * uses the same Redis and HubSpot account.
 */
export const createCoordination = (input: {
  redisUrl: string | undefined;
  portalId: string;
  requestsPer10s: number;
  /** CRM searches a second (default SEARCHES_PER_SECOND). */
  searchesPerSecond?: number;
  logger: Logger;
  timings?: Partial<RedisTimings>;
}): Coordination =>
  input.redisUrl
    ? createRedisCoordination({
        redis: connectRedis(input.redisUrl, input.logger),
        namespace: `wtc:${input.portalId}`,
        requestsPer10s: input.requestsPer10s,
        searchesPerSecond: input.searchesPerSecond,
        fallbackGates: createLocalGates(input.requestsPer10s, input.searchesPerSecond),
        logger: input.logger,
        timings: input.timings,
      })
    : createLocalCoordination(input.requestsPer10s, input.searchesPerSecond);
