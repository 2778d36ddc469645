import { Public } from '@bangbang/auth';
import { CloudEvent } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Controller, Inject, Module, Post } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { EventContext, OnEvent, writeToOutbox } from '../src';
import { Echo, EchoV1, Ping, PingV1 } from './ping.contract';

class PingEffects1764000000900 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // No unique constraint on purpose: a double-applied event must show up as a second row.
    await q.query(
      'CREATE TABLE ping_effect (id bigserial PRIMARY KEY, event_id text NOT NULL, n int NOT NULL, instance text NOT NULL, in_chunk boolean NOT NULL)',
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ping_effect');
  }
}

const SETTINGS = Symbol('PING_SETTINGS');

/** Per event applied, once its transaction has committed: whether its effect could be read then (`PING_READ_AFTER_COMMIT=1`). */
export const AFTER_COMMIT = Symbol('PING_AFTER_COMMIT');
export type AfterCommitReadings = Array<Promise<{ n: number; visible: boolean }>>;

@Controller()
class PingHandler {
  constructor(
    @Inject(SETTINGS) private readonly settings: { instance: string; delayMs: number; readAfterCommit: boolean },
    @Inject(AFTER_COMMIT) private readonly readings: AfterCommitReadings,
    private readonly ds: DataSource,
  ) {}

  @OnEvent(Ping)
  async onPing(@Payload() event: CloudEvent<PingV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (event.data.mode === 'poison') throw new Error(`poison pill ${event.data.n}`);
    if (this.settings.delayMs) await sleep(this.settings.delayMs);
    await this.record(event, ctx);
  }

  @OnEvent(Echo, { when: (data) => data.ours })
  onEcho(@Payload() event: CloudEvent<EchoV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  private async record(event: CloudEvent<{ n: number }>, ctx: EventContext): Promise<void> {
    await ctx.manager.query('INSERT INTO ping_effect (event_id, n, instance, in_chunk) VALUES ($1, $2, $3, $4)', [
      event.id,
      event.data.n,
      this.settings.instance,
      ctx.delivery.inChunk,
    ]);
    if (!this.settings.readAfterCommit) return;
    ctx.delivery.afterCommit(() => {
      // Read on a connection of its own, one at a time so the reads never crowd the consumer out of
      // the pool: only a committed effect is there to be seen.
      const last = this.readings.at(-1) ?? Promise.resolve(undefined);
      const read = last.then(() => this.ds.query<unknown[]>('SELECT 1 FROM ping_effect WHERE event_id = $1', [event.id]));
      this.readings.push(read.then((rows) => ({ n: event.data.n, visible: rows.length > 0 })));
    });
  }
}

/** An HTTP route that changes state and publishes through the outbox, as intake does. */
@Controller('pings')
@Public()
class PingIntake {
  constructor(private readonly ds: DataSource) {}

  @Post()
  async create(): Promise<{ id: string }> {
    const event = await this.ds.transaction((m) => writeToOutbox(m, Ping, { subject: 'http', data: { n: 0 } }));
    return { id: event.id };
  }
}

@Module({})
class PingAppModule {}

/** A minimal service with one consumer, used to test the messaging backbone as services use it. */
export const pingService: ServiceDefinition = {
  name: 'pingtest',
  defaultPort: 0,
  consumesEvents: true,
  module: (env) => ({
    module: PingAppModule,
    imports: [
      PlatformModule.forService({
        service: 'pingtest',
        entities: [],
        migrations: [PingEffects1764000000900],
        producedTopics: [Ping.topic],
        env,
      }),
    ],
    controllers: [PingHandler, PingIntake],
    providers: [
      {
        provide: SETTINGS,
        useValue: {
          instance: env.PING_INSTANCE ?? 'a',
          delayMs: Number(env.PING_DELAY_MS ?? 0),
          readAfterCommit: env.PING_READ_AFTER_COMMIT === '1',
        },
      },
      { provide: AFTER_COMMIT, useValue: [] },
    ],
  }),
};
