import { AcceptsForm } from '@bangbang/platform';
import { Public } from '@bangbang/auth';
import { Body, Controller, Get, Headers, HttpCode, Post, Query, UnauthorizedException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { BlockedNumbers } from './blocked-numbers.service';
import { PbxAnswer, PbxEventDto, PbxVerdict, VerdictQuery } from './cti.dto';
import { CTI_TOKEN_HEADER, CtiTokens, Pbx } from './cti-tokens.service';
import { parsePbxEvent, PbxEvents } from './pbx-events.service';

const TOKEN_DOC = { name: CTI_TOKEN_HEADER, required: true, description: 'The PBX’s CTI token, issued by a district admin.' };

/**
 * The PBX's side of the CTI interface (see the README's "Connecting a PBX"). Authenticated by the
 * PBX's token, not by a staff sign-in; the edge gate lets these through unlimited, because one PBX
 * reports every call of a hotline from one address.
 */
@Controller('cti/pbx')
@Public()
export class PbxController {
  constructor(
    private readonly tokens: CtiTokens,
    private readonly events: PbxEvents,
    private readonly blocked: BlockedNumbers,
  ) {}

  @Post('events')
  @HttpCode(202)
  @AcceptsForm()
  @ApiHeader(TOKEN_DOC)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: PbxEventDto })
  @ApiAcceptedResponse({ type: PbxAnswer })
  async receive(@Headers(CTI_TOKEN_HEADER) token: string | undefined, @Body() body: unknown): Promise<PbxAnswer> {
    const pbx = await this.pbx(token);
    return this.events.receive(pbx, parsePbxEvent(body));
  }

  /** Asked before putting a caller through: `reject` for a blocked number. */
  @Get('verdict')
  @ApiHeader(TOKEN_DOC)
  @ApiOkResponse({ type: PbxVerdict })
  async verdict(@Headers(CTI_TOKEN_HEADER) token: string | undefined, @Query() q: VerdictQuery): Promise<PbxVerdict> {
    const pbx = await this.pbx(token);
    return (await this.blocked.blocks(pbx.orgPath, q.from)) ? { action: 'reject', reason: 'blocked' } : { action: 'accept' };
  }

  private async pbx(token: string | undefined): Promise<Pbx> {
    const pbx = await this.tokens.authenticate(token);
    if (!pbx) throw new UnauthorizedException(`${CTI_TOKEN_HEADER}: missing, unknown or revoked CTI token`);
    return pbx;
  }
}
