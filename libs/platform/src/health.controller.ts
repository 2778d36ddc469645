import { Public } from '@bangbang/auth';
import { ConsumerState, Messaging } from '@bangbang/messaging';
import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';

export class Liveness {
  status: 'ok';
}

export class ConsumerHealth {
  group: string;
  state: ConsumerState;
  /** Messages not yet committed by the group, summed over its topics; null until first read from the broker. */
  lag: number | null;
  lagReadAt: string | null;
}

export class Readiness {
  /** Ready for HTTP: the database answers. Kafka and the consumers are reported, not required. */
  status: 'ok' | 'unavailable';
  database: boolean;
  kafka: boolean;
  consumers: ConsumerHealth[];
}

export class ConsumersHealth {
  status: 'ok' | 'unavailable';
  consumers: ConsumerHealth[];
}

/** One check serves every probe that arrives while it runs and for this long after. */
const READINESS_CACHE_MS = 1_000;

/**
 * Liveness says the process is up; readiness that it can serve HTTP: its database answers. Intake and
 * the outbox behind it need nothing more, so a consumer joining, rebalancing or catching up, or the
 * broker being away, is reported here and on /health/consumers but never takes the service out of
 * rotation. Readiness is public and unlimited, so a flood of probes must not become a flood of queries.
 */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly messaging: Messaging,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): Liveness {
    return { status: 'ok' };
  }

  private checking?: Promise<Readiness>;
  private checked?: { at: number; result: Readiness };

  @Get(['', 'ready'])
  async ready(): Promise<Readiness> {
    const fresh = this.checked && Date.now() - this.checked.at < READINESS_CACHE_MS ? this.checked.result : undefined;
    const result = fresh ?? (await (this.checking ??= this.check()));
    if (result.status !== 'ok') throw new ServiceUnavailableException(result);
    return result;
  }

  /** 200 once every consumer group holds its partitions, for scripts that need events to flow. */
  @Get('consumers')
  consumers(): ConsumersHealth {
    const consumers = this.messaging.consumers();
    const result: ConsumersHealth = { status: consumers.every((c) => c.state === 'consuming') ? 'ok' : 'unavailable', consumers };
    if (result.status !== 'ok') throw new ServiceUnavailableException(result);
    return result;
  }

  private async check(): Promise<Readiness> {
    try {
      const [database, kafka] = await Promise.all([this.databaseAnswers(), this.messaging.kafkaAnswers()]);
      const result: Readiness = { status: database ? 'ok' : 'unavailable', database, kafka, consumers: this.messaging.consumers() };
      this.checked = { at: Date.now(), result };
      return result;
    } finally {
      this.checking = undefined;
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.ds.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
