import type { Satisfaction } from '@bangbang/contracts';
import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Public, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { AmendDto, LinkRateDto, RateDto } from './rate.dto';
import { RatingsService } from './ratings.service';

const uuid = new ParseUUIDPipe();

@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** An agent records the resident's rating during the follow-up call. */
  @Post(':requestId')
  @Roles('agent', 'community_admin', 'street_admin', 'district_admin')
  rate(
    @CurrentPrincipal() p: Principal,
    @Param('requestId', uuid) requestId: string,
    @Body() dto: RateDto,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.ratings.rateByStaff(p, requestId, dto, 'new', auditOrigin(req));
  }

  /** A correction: a new revision that replaces the last; the history is kept. */
  @Put(':requestId')
  @Roles('agent', 'community_admin', 'street_admin', 'district_admin')
  amend(
    @CurrentPrincipal() p: Principal,
    @Param('requestId', uuid) requestId: string,
    @Body() dto: AmendDto,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.ratings.rateByStaff(p, requestId, dto, 'amend', auditOrigin(req));
  }

  @Get(':requestId')
  @Roles('agent', 'community_admin', 'street_admin', 'district_admin', 'auditor')
  get(@CurrentPrincipal() p: Principal, @Param('requestId', uuid) requestId: string) {
    return this.ratings.get(p, requestId);
  }
}

/** The resident's one-time link: no account, the token is the credential. */
/** What the resident's link answers: the rating as given, without the internals. */
export class LinkRating {
  requestId: string;
  revision: number;
  team: Satisfaction;
  provider: Satisfaction;
  solved: boolean;
  tags: string[];
}

@Controller('public/ratings')
@Public()
export class PublicRatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post(':requestId')
  @HttpCode(201)
  async rate(@Param('requestId', uuid) requestId: string, @Body() dto: LinkRateDto): Promise<LinkRating> {
    const r = await this.ratings.rateByLink(requestId, dto);
    return { requestId: r.request_id, revision: r.revision, team: r.team, provider: r.provider, solved: r.solved, tags: r.tags };
  }
}
