import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { DeadLettersQuery, RedriveDto } from './dead-letter.dto';
import { DeadLettersService, DeadLetterView, Redriven } from './dead-letters.service';

/** Events a consumer gave up on, across the district's services: for the district's admins only. */
@Controller('admin/dead-letters')
@Roles('district_admin')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  list(@Query() query: DeadLettersQuery): Promise<DeadLetterView[]> {
    return this.deadLetters.list(query);
  }

  /** Puts one dead letter, or all of a topic's waiting ones, back for the consumer group that gave up on them. */
  @Post('redrive')
  @HttpCode(200)
  redrive(@CurrentPrincipal() p: Principal, @Body() dto: RedriveDto, @Req() req: AuthenticatedRequest): Promise<Redriven> {
    return this.deadLetters.redrive(p, dto, auditOrigin(req));
  }
}
