import { chinaWallClock } from '@bangbang/contracts';
import { HouseholdPlan } from '../seed/district-data';
import { Credentials, GatewayClient, sleep } from '../seed/gateway-client';
import { Random } from '../seed/random';

/**
 * The hotline's calls by hour of the day, China time, relative to the day's average: quiet at
 * night, a peak in the morning when residents find what broke overnight, a second after lunch.
 */
export const HOURLY_SHAPE = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.25, 0.6, 1.3, 2.2, 2.5, 2.3, 1.9, 1.3, 1.5, 1.8, 1.7, 1.5, 1.3, 1.1, 0.9, 0.7, 0.5, 0.35, 0.2,
];

const HOURLY_MEAN = HOURLY_SHAPE.reduce((s, x) => s + x, 0) / HOURLY_SHAPE.length;

/** Calls a minute at this instant, for a day averaging `perMinute`. */
export function callsPerMinute(perMinute: number, at: Date): number {
  return (perMinute * HOURLY_SHAPE[chinaWallClock(at).getUTCHours()]) / HOURLY_MEAN;
}

const TOKEN_NAME = 'simulated PBX';

interface Seat {
  extension: string;
  agentId: string;
  /** Real time (ms) the agent is busy until. */
  busyUntil: number;
}

export interface PbxOptions {
  /** Calls a minute on an average day; the hour of the day shapes it. */
  perMinute: number;
  timeFactor: number;
  seed: number;
}

/**
 * The hotline's phone system, played against the gateway's CTI endpoint as a real PBX would:
 * residents (and now and then an unknown number) call, wait in the queue, hang up when they lose
 * patience, ring at a free agent's extension, are answered and talk. A callback desk returns the
 * missed calls with outbound calls. Times are reported as they would be on the PBX's clock; the
 * simulator only compresses the waiting by the time factor.
 */
export class SimulatedPbx {
  private readonly rnd: Random;
  private token = '';
  private readonly seats: Seat[] = [];
  private n = 0;

  constructor(
    private readonly api: GatewayClient,
    private readonly options: PbxOptions,
    private readonly admin: Credentials,
    private readonly agents: Credentials[],
    private readonly households: HouseholdPlan[],
    private readonly count: (what: string, n?: number) => void,
  ) {
    this.rnd = new Random(options.seed ^ 0x5eed);
  }

  /** A fresh CTI token (the ones a previous run issued are revoked), and each agent at an extension. */
  async start(): Promise<void> {
    const tokens = (await this.api.expect('GET', '/cti/tokens', this.admin)) as Array<{
      id: string;
      name: string;
      revokedAt: string | null;
    }>;
    for (const t of tokens.filter((x) => x.name === TOKEN_NAME && !x.revokedAt))
      await this.api.expect('POST', `/cti/tokens/${t.id}/revoke`, this.admin);
    this.token = (await this.api.expect('POST', '/cti/tokens', this.admin, { body: { name: TOKEN_NAME } })).token;
    for (const [i, agent] of this.agents.entries()) {
      const me = await this.api.expect('GET', '/auth/me', agent);
      const extension = String(8001 + i);
      await this.api.expect('PUT', `/api/request/extensions/${extension}`, this.admin, { body: { agentId: me.id } });
      this.seats.push({ extension, agentId: me.id, busyUntil: 0 });
    }
  }

  /** New calls until `stopped`; each call's story is handed to `track` so the run waits for it. */
  async run(stopped: () => boolean, track: (story: Promise<void>) => void): Promise<void> {
    while (!stopped()) {
      track(this.call());
      const rate = Math.max(callsPerMinute(this.options.perMinute, new Date()), 0.05);
      await sleep((-Math.log(1 - this.rnd.next()) * 60_000) / rate);
    }
  }

  /** Every five simulated minutes: the callback queue, soonest due first, a few at a time. */
  async callbackDesk(stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      await this.simulated(300);
      const open = (await this.api.expect('GET', '/api/request/callbacks?limit=3', this.agents[0])) as Array<{
        id: string;
        number: string | null;
      }>;
      for (const callback of open.filter((c) => c.number)) await this.callBack(callback.id, callback.number!);
    }
  }

  private async call(): Promise<void> {
    const callId = `sim-${this.options.seed}-${Date.now()}-${++this.n}`;
    const start = Date.now();
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    const from = this.rnd.chance(0.85)
      ? this.rnd.pick(this.rnd.pick(this.households).residents).phones[0]
      : `137${String(this.rnd.int(0, 99_999_999)).padStart(8, '0')}`;
    const answer = await this.report({ event: 'newCall', callId, direction: 'in', from, to: '12345', at: at(0) });
    this.count('pbx calls');
    if (answer.action === 'reject') return this.count('pbx calls rejected (blocked number)');
    const seat = this.freeSeat();
    const queued = seat ? this.rnd.int(3, 40) : this.rnd.int(40, 240);
    const patience = -Math.log(1 - this.rnd.next()) * 120;
    if (patience < queued) {
      await this.simulated(patience);
      await this.report({ event: 'hangup', callId, cause: 'abandoned', at: at(patience) });
      return this.count('pbx calls abandoned in the queue');
    }
    await this.simulated(queued - 4);
    const agent = this.freeSeat() ?? this.rnd.pick(this.seats);
    await this.report({ event: 'ringing', callId, extension: agent.extension, at: at(queued - 4) });
    if (this.rnd.chance(0.05)) {
      await this.simulated(20);
      await this.report({ event: 'hangup', callId, cause: 'noAnswer', at: at(queued + 16) });
      return this.count('pbx calls not answered');
    }
    const talk = this.rnd.int(40, 420);
    agent.busyUntil = Date.now() + (4 + talk) * 1000 * this.options.timeFactor;
    await this.simulated(4);
    await this.report({ event: 'answer', callId, extension: agent.extension, agentId: agent.agentId, at: at(queued) });
    await this.simulated(talk);
    await this.report({ event: 'hangup', callId, cause: 'normal', at: at(queued + talk) });
    this.count('pbx calls answered');
  }

  private async callBack(callbackId: string, number: string): Promise<void> {
    const seat = this.rnd.pick(this.seats);
    const callId = `sim-out-${Date.now()}-${++this.n}`;
    const start = Date.now();
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    await this.report({ event: 'newCall', callId, direction: 'out', from: seat.extension, to: number, callbackId, at: at(0) });
    await this.simulated(15);
    if (this.rnd.chance(0.2)) {
      await this.report({ event: 'hangup', callId, cause: 'noAnswer', at: at(15) });
      return this.count('pbx callbacks not reached');
    }
    await this.report({ event: 'answer', callId, extension: seat.extension, agentId: seat.agentId, at: at(15) });
    const talk = this.rnd.int(30, 180);
    await this.simulated(talk);
    await this.report({ event: 'hangup', callId, cause: 'normal', at: at(15 + talk) });
    this.count('pbx callbacks returned');
  }

  private freeSeat(): Seat | undefined {
    const now = Date.now();
    const free = this.seats.filter((s) => s.busyUntil <= now);
    return free.length ? this.rnd.pick(free) : undefined;
  }

  private simulated(seconds: number): Promise<void> {
    return sleep(seconds * 1000 * this.options.timeFactor);
  }

  private async report(event: Record<string, string>): Promise<{ action?: string }> {
    const reply = await this.api.call('POST', '/cti/pbx/events', undefined, { body: event, headers: { 'x-cti-token': this.token } });
    if (reply.status !== 202)
      throw new Error(`PBX report ${event.event} of ${event.callId}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
}
