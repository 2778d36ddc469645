import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, recordAudit, Roles, scopedRepository } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { Body, ConflictException, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { OmitType } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Open311Client } from './open311-client.entity';
import { hashApiKey } from './open311.service';

export class CreateClientDto {
  @IsString() @Length(2, 100) name: string;
}

export class ClientView extends OmitType(Open311Client, ['keyHash'] as const) {}

/** Only in the answer to its creation: the key itself, which is never shown again. */
export class CreatedClientView extends ClientView {
  apiKey: string;
}

const view = ({ keyHash: _, ...rest }: Open311Client): ClientView => rest;

/** The district admin issues Open311 api_keys; the key is shown once, only its hash is kept. */
@Controller('open311-clients')
@Roles('district_admin')
export class Open311ClientsController {
  constructor(private readonly ds: DataSource) {}

  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateClientDto, @Req() req: AuthenticatedRequest): Promise<CreatedClientView> {
    const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
    return this.ds.transaction(async (m) => {
      const client = m.create(Open311Client, {
        id: randomUUID(),
        name: dto.name,
        keyHash: hashApiKey(apiKey),
        orgPath: p.orgPath,
        createdBy: p.id,
        createdAt: new Date(),
        revokedAt: null,
      });
      await m.insert(Open311Client, client);
      await recordAudit(
        m,
        AuditRecorded.request,
        p,
        { action: 'open311-client.created', resourceType: 'open311_client', resourceId: client.id },
        auditOrigin(req),
      );
      return { ...view(client), apiKey };
    });
  }

  @Get()
  async list(@CurrentPrincipal() p: Principal): Promise<ClientView[]> {
    return (await scopedRepository(this.ds.manager, Open311Client, p).find({ order: { createdAt: 'ASC' } })).map(view);
  }

  @Post(':id/revoke')
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<ClientView> {
    return this.ds.transaction(async (m) => {
      const client = await scopedRepository(m, Open311Client, p).get({ id }, `open311 client ${id}`);
      if (client.revokedAt) throw new ConflictException(`open311 client ${id} was already revoked`);
      client.revokedAt = new Date();
      await m.save(client);
      await recordAudit(
        m,
        AuditRecorded.request,
        p,
        { action: 'open311-client.revoked', resourceType: 'open311_client', resourceId: id },
        auditOrigin(req),
      );
      return view(client);
    });
  }
}
