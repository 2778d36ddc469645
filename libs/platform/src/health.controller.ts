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

/** Liveness says the process is up; readiness that it can serve: its database and Kafka answer. */
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

  @Get(['', 'ready'])
  async ready(): Promise<Readiness> {
    const [database, kafka] = await Promise.all([this.databaseAnswers(), this.messaging.kafkaAnswers()]);
    const result: Readiness = { status: database && kafka ? 'ok' : 'unavailable', database, kafka };
    if (result.status !== 'ok') throw new ServiceUnavailableException(result);
    return result;
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
