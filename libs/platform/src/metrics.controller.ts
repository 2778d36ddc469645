import { Public } from '@bangbang/auth';
import { registry } from '@bangbang/observability';
import { Controller, Get, Header } from '@nestjs/common';

@Controller('metrics')
@Public()
export class MetricsController {
  @Get()
  @Header('content-type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
