import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';

/** A loopback port nobody listens on now, for a service under test (never the fixed 3000-3011). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface PortBlock {
  ports: number[];
  /** Gives the block back; until then no other portBlock() takes it. */
  release(): Promise<void>;
}

const BLOCK = 64;
/** Clear of the fixed ports: the services' 3000-3011, PostgreSQL's and Kafka's. */
const LOWEST = 20_000;

/**
 * `count` loopback ports that stay the caller's while it runs, for processes that are killed and
 * started again on the same port. A port freePort() gave is free only until something else asks the
 * kernel for one: a process killed with SIGKILL leaves its port to any listen(0) (another Jest
 * worker's app, or its freePort()) or outgoing connection until it is back. These ports are outside
 * the kernel's ephemeral range, which it never hands out unasked, and the block's first port is held
 * here as a lock, so no other portBlock() on the machine takes the same block.
 */
export async function portBlock(count: number): Promise<PortBlock> {
  if (count < 1 || count >= BLOCK) throw new Error(`portBlock: 1 to ${BLOCK - 1} ports`);
  const [low, high] = ephemeralRange();
  const bases: number[] = [];
  for (let base = LOWEST; base + BLOCK <= 65_536; base += BLOCK) if (base + BLOCK <= low || base > high) bases.push(base);
  const first = Math.floor(Math.random() * bases.length);
  for (let k = 0; k < bases.length; k++) {
    const base = bases[(first + k) % bases.length];
    const lock = await listenOn(base);
    if (!lock) continue;
    const ports = Array.from({ length: count }, (_, i) => base + 1 + i);
    const probes = await Promise.all(ports.map(listenOn));
    await Promise.all(probes.map((p) => p && closeServer(p)));
    if (probes.every(Boolean)) {
      lock.unref();
      return { ports, release: () => closeServer(lock) };
    }
    await closeServer(lock);
  }
  throw new Error(`portBlock: no free block of ${count} ports outside the ephemeral range ${low}-${high}`);
}

/** Linux's range for listen(0) and outgoing connections; elsewhere the IANA one (macOS's). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux
  }
  return [49_152, 65_535];
}

const listenOn = (port: number) =>
  new Promise<Server | undefined>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
