import { Public } from '@bangbang/auth';
import { Messaging } from '@bangbang/messaging';
import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';

export class Liveness {
  status: 'ok';
}

export class Readiness {
  status: 'ok' | 'unavailable';
  database: boolean;
  kafka: boolean;
}

/** One check serves every probe that arrives while it runs and for this long after. */
const READINESS_CACHE_MS = 1_000;

/**
 * Liveness says the process is up; readiness that it can serve: its database and Kafka answer.
 * Readiness is public and unlimited, so a flood of probes must not become a flood of queries.
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

  private async check(): Promise<Readiness> {
    try {
      const [database, kafka] = await Promise.all([this.databaseAnswers(), this.messaging.kafkaAnswers()]);
      const result: Readiness = { status: database && kafka ? 'ok' : 'unavailable', database, kafka };
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
