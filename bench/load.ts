import autocannon from 'autocannon';

export type LoadResult = {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  requests: number;
};

/**
 * A fixed-concurrency load on loopback for a bounded time; `nextRequest` builds each request, so every
 * one can carry a fresh signature, request id and version.
 */
export const runLoad = async (input: {
  url: string;
  seconds: number;
  connections: number;
  nextRequest: () => { method: 'GET' | 'PUT'; path: string; headers: Record<string, string>; body?: string };
  onResponse?: (status: number, body: string, path: string) => void;
}): Promise<LoadResult> => {
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: [
      {
        setupRequest: (request) => {
          const next = input.nextRequest();
          return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
        },
        onResponse: (status, body, context) =>
          input.onResponse?.(status, body, String((context as { path?: string }).path ?? '')),
      },
    ],
  });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
};
