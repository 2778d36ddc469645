import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { portBlock } from './free-port';

const listenable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });

describe('portBlock', () => {
  it('gives ports outside the range the kernel hands out unasked, free, and never the same to two holders', async () => {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const a = await portBlock(12);
    const b = await portBlock(12);
    try {
      for (const port of [...a.ports, ...b.ports]) {
        expect(port < low || port > high).toBe(true);
        expect(await listenable(port)).toBe(true);
      }
      expect(new Set([...a.ports, ...b.ports]).size).toBe(24);
    } finally {
      await a.release();
      await b.release();
    }
  });

  it('refuses a block it cannot give', async () => {
    await expect(portBlock(0)).rejects.toThrow(/1 to 63 ports/);
    await expect(portBlock(64)).rejects.toThrow(/1 to 63 ports/);
  });
});
