import { CurrentPrincipal, likePrefix, Principal, Roles } from '@bangbang/auth';
import { EXTENSION } from '@bangbang/contracts';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Put,
} from '@nestjs/common';
import { DataSource, Like } from 'typeorm';
import { ADMINS, DESK_ROLES } from '../access';
import { AgentExtension } from './agent-extension.entity';
import { ExtensionView, MapExtensionDto } from './calls.dto';

const checked = (extension: string): string => {
  if (!EXTENSION.test(extension)) throw new BadRequestException('extension: 1 to 32 letters, digits or *#_-');
  return extension;
};

const mayMap = (p: Principal, agentId: string): void => {
  if (!ADMINS.includes(p.role) && agentId !== p.id) throw new ForbiddenException('an agent may only map their own extension');
};

/** Which agent sits at which extension: admins map anyone, an agent maps (and frees) their own seat. */
@Controller('extensions')
export class ExtensionsController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @Roles(...DESK_ROLES)
  list(@CurrentPrincipal() p: Principal): Promise<ExtensionView[]> {
    return this.ds.getRepository(AgentExtension).find({ where: { orgPath: Like(likePrefix(p.orgPath)) }, order: { extension: 'ASC' } });
  }

  /** An agent is at one extension at a time: mapping them here frees their previous one. */
  @Put(':extension')
  @Roles(...DESK_ROLES)
  map(@CurrentPrincipal() p: Principal, @Param('extension') extension: string, @Body() dto: MapExtensionDto): Promise<ExtensionView> {
    checked(extension);
    mayMap(p, dto.agentId);
    return this.ds.transaction(async (m) => {
      const taken = await m.findOneBy(AgentExtension, { extension });
      if (taken && !taken.orgPath.startsWith(p.orgPath) && !p.orgPath.startsWith(taken.orgPath)) {
        throw new ForbiddenException(`extension ${extension} is mapped outside your scope`);
      }
      await m.delete(AgentExtension, { agentId: dto.agentId });
      const row: AgentExtension = { extension, agentId: dto.agentId, orgPath: p.orgPath, updatedBy: p.id, updatedAt: new Date() };
      await m.upsert(AgentExtension, row, ['extension']);
      return row;
    });
  }

  @Delete(':extension')
  @HttpCode(204)
  @Roles(...DESK_ROLES)
  async unmap(@CurrentPrincipal() p: Principal, @Param('extension') extension: string): Promise<void> {
    const row = await this.ds
      .getRepository(AgentExtension)
      .findOneBy({ extension: checked(extension), orgPath: Like(likePrefix(p.orgPath)) });
    if (!row) throw new NotFoundException(`extension ${extension} is not mapped in your scope`);
    mayMap(p, row.agentId);
    await this.ds.getRepository(AgentExtension).delete({ extension });
  }
}
