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

/**
 * Listens, and resolves once the server really listens. Express's `app.listen` hands a bind failure to its
 * callback, where reading the address then fails with a TypeError; this rejects with the reason instead.
 */
export const listen = (handler: RequestListener, port: number, host?: string) =>
  new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortUnavailableError(port, 'in use'));
      else if (error.code === 'EACCES') reject(new PortUnavailableError(port, 'not permitted'));
      else reject(error);
    });
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
