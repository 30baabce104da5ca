import { createServer, type RequestListener, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { AppError } from './app-error';

/** The port is taken (or needs privileges): the caller knows which setting chose it. */
export class PortUnavailableError extends AppError<'PORT_UNAVAILABLE'> {
  constructor(
    readonly port: number,
    readonly reason: 'in use' | 'not permitted',
  ) {
    super('PORT_UNAVAILABLE', `port ${port} is ${reason === 'in use' ? 'in use' : 'not permitted for this user'}`);
  }
}

/** A bind failure as a PortUnavailableError (the caller names the setting); any other error as it is. */
export const asPortError = (error: unknown, port: number): unknown => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new PortUnavailableError(port, 'in use');
  if (code === 'EACCES') return new PortUnavailableError(port, 'not permitted');
  return error;
};

/**
 * Listens, and resolves once the server really listens. Express's `app.listen` hands a bind failure to its
 * callback, where reading the address then fails with a TypeError; this rejects with the reason instead.
 */
export const listen = (handler: RequestListener, port: number, host?: string) =>
  new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', (error) => reject(asPortError(error, port)));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
