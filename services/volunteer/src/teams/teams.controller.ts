import { CurrentPrincipal, inScope, Principal, Roles, scopedRepository } from '@bangbang/auth';
import { UNIT_PATH } from '@bangbang/contracts';
import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADMINS, audit, HttpRequestLike, READERS, STAFF_AND_VOLUNTEERS } from '../access';
import { Volunteer } from '../registration/volunteer.entity';
import { Team, TeamMember } from './team.entity';

export class TeamDto {
  @IsString() @Length(1, 64) name: string;
  @Matches(UNIT_PATH, { message: 'unitPath must be an org path like /district/street/community/' }) unitPath: string;
}

export class MemberDto {
  @IsIn(['leader', 'member']) role: 'leader' | 'member';
}

export class TeamMemberView {
  volunteerId: string;
  displayName: string;
  role: 'leader' | 'member';
  joinedAt: Date;
}

export class TeamView {
  id: string;
  orgPath: string;
  name: string;
  createdBy: string;
  createdAt: Date;
  members: TeamMemberView[];
}

/** A team in a list: staff get the team; a volunteer also their role in it, without who made it. */
export class TeamListed {
  id: string;
  name: string;
  orgPath: string;
  /** Staff only. */
  createdBy?: string;
  createdAt?: Date;
  /** A volunteer only: theirs in the team. */
  role?: 'leader' | 'member';
}

export class Membership {
  teamId: string;
  volunteerId: string;
  role: 'leader' | 'member';
}

@Controller('teams')
export class TeamsController {
  constructor(private readonly ds: DataSource) {}

  @Post()
  @Roles(...ADMINS)
  async create(@CurrentPrincipal() p: Principal, @Body() dto: TeamDto, @Req() req: HttpRequestLike): Promise<TeamView> {
    if (!inScope(p, dto.unitPath)) throw new NotFoundException('unit not found');
    return this.ds.transaction(async (m) => {
      const taken = await m.findOneBy(Team, { orgPath: dto.unitPath, name: dto.name });
      if (taken) throw new ConflictException(`a team named ${dto.name} exists in ${dto.unitPath}`);
      const team = { id: randomUUID(), orgPath: dto.unitPath, name: dto.name, createdBy: p.id, createdAt: new Date() };
      await m.insert(Team, team);
      await audit(m, p, req, 'team.created', 'team', team.id);
      return { ...team, members: [] };
    });
  }

  /** Staff: the teams in their scope; a volunteer: the teams they belong to. */
  @Get()
  @Roles(...STAFF_AND_VOLUNTEERS)
  async list(@CurrentPrincipal() p: Principal): Promise<TeamListed[]> {
    if (p.role === 'volunteer') {
      return this.ds.query<TeamListed[]>(
        `SELECT t.id, t.name, t.org_path AS "orgPath", m.role FROM team t JOIN team_member m ON m.team_id = t.id WHERE m.volunteer_id = $1 ORDER BY t.name`,
        [p.id],
      );
    }
    return scopedRepository(this.ds.manager, Team, p).find({ order: { name: 'ASC' } });
  }

  @Get(':id')
  @Roles(...READERS)
  async get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TeamView> {
    const team = await scopedRepository(this.ds.manager, Team, p).get({ id }, 'team');
    const members = await this.ds.query<{ volunteerId: string; displayName: string; role: 'leader' | 'member'; joinedAt: Date }[]>(
      `SELECT v.id AS "volunteerId", v.display_name AS "displayName", m.role, m.joined_at AS "joinedAt"
       FROM team_member m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.team_id = $1 ORDER BY m.role, v.display_name`,
      [id],
    );
    return { ...team, members };
  }

  @Put(':id/members/:volunteerId')
  @Roles(...ADMINS)
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('volunteerId') volunteerId: string,
    @Body() dto: MemberDto,
    @Req() req: HttpRequestLike,
  ): Promise<Membership> {
    return this.ds.transaction(async (m) => {
      const team = await scopedRepository(m, Team, p).get({ id }, 'team');
      const v = await m.findOneBy(Volunteer, { id: volunteerId });
      if (!v || !inScope(p, v.orgPath)) throw new NotFoundException('volunteer not found');
      if (v.status !== 'approved') throw new ConflictException(`the volunteer is ${v.status}: only approved volunteers join teams`);
      if (!v.orgPath.startsWith(team.orgPath)) throw new ConflictException(`the volunteer lives outside ${team.orgPath}, the team's unit`);
      await m.upsert(TeamMember, { teamId: id, volunteerId, role: dto.role, joinedAt: new Date() }, ['teamId', 'volunteerId']);
      await audit(m, p, req, 'team.member-set', 'team', id);
      return { teamId: id, volunteerId, role: dto.role };
    });
  }

  @Delete(':id/members/:volunteerId')
  @Roles(...ADMINS)
  @HttpCode(204)
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('volunteerId') volunteerId: string,
    @Req() req: HttpRequestLike,
  ) {
    await this.ds.transaction(async (m) => {
      await scopedRepository(m, Team, p).get({ id }, 'team');
      const { affected } = await m.delete(TeamMember, { teamId: id, volunteerId });
      if (!affected) throw new NotFoundException('not a member of this team');
      await audit(m, p, req, 'team.member-removed', 'team', id);
    });
  }
}
