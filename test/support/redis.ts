import { redisServerPath } from '../../src/cli/local-redis';

export { type RedisServer, startRedis } from '../../src/cli/local-redis';

/**
 * `describe` when Debian's redis-server is installed (`bash .ci/run` installs it), else a skipped block with
 * a message saying why: Redis is never mocked.
 */
export const describeWithRedis: jest.Describe = redisServerPath()
  ? describe
  : (((name: string, body: () => void) => {
      console.warn(`Skipped "${name}": redis-server is not installed (apt-get install -y redis-server).`);
      describe.skip(name, body);
    }) as jest.Describe);
