import { createServer } from 'node:net';

/** A loopback port nobody listens on now, for a service under test (never the fixed 3000-3011). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
