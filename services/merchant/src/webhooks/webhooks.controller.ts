import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ADMIN_READERS, ADMINS, NeedsManageScope, unitOf } from '../access';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { UnitsService } from '../units/units.service';
import { CreateEndpointDto, DeliveriesQuery, ReplayDto, UnitDeliveryParams } from './webhook.dto';
import { CreatedEndpoint, DeliveryView, EndpointView, Replayed, RotatedSecret, WebhooksService } from './webhooks.service';

/** The unit's own webhook endpoints and deliveries. */
@Controller('me/webhooks')
@Roles('merchant')
@UseGuards(NeedsManageScope)
export class OwnWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Answers the endpoint with its `whsec_` secret, this once. */
  @Post()
  @UseInterceptors(Idempotent)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateEndpointDto): Promise<CreatedEndpoint> {
    return this.webhooks.create(unitOf(p), dto);
  }

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<EndpointView[]> {
    return this.webhooks.list(unitOf(p));
  }

  @Get('deliveries')
  deliveries(@CurrentPrincipal() p: Principal, @Query() q: DeliveriesQuery): Promise<DeliveryView[]> {
    return this.webhooks.deliveries(unitOf(p), q);
  }

  @Get('deliveries/:deliveryId')
  delivery(@CurrentPrincipal() p: Principal, @Param('deliveryId', new ParseUUIDPipe()) id: string): Promise<DeliveryView> {
    return this.webhooks.delivery(unitOf(p), id);
  }

  @Post('deliveries/replay')
  @HttpCode(200)
  @UseInterceptors(Idempotent)
  replaySince(@CurrentPrincipal() p: Principal, @Body() dto: ReplayDto): Promise<Replayed> {
    return this.webhooks.replaySince(unitOf(p), dto.since);
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(200)
  @UseInterceptors(Idempotent)
  replay(@CurrentPrincipal() p: Principal, @Param('deliveryId', new ParseUUIDPipe()) id: string): Promise<DeliveryView> {
    return this.webhooks.replay(unitOf(p), id);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @UseInterceptors(Idempotent)
  remove(@CurrentPrincipal() p: Principal, @Param('endpointId', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.webhooks.remove(unitOf(p), id);
  }

  /** A new secret, shown once; the previous one also signs for 24 h. */
  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @UseInterceptors(Idempotent)
  rotate(@CurrentPrincipal() p: Principal, @Param('endpointId', new ParseUUIDPipe()) id: string): Promise<RotatedSecret> {
    return this.webhooks.rotateSecret(unitOf(p), id);
  }

  @Post(':endpointId/enable')
  @HttpCode(200)
  @UseInterceptors(Idempotent)
  enable(@CurrentPrincipal() p: Principal, @Param('endpointId', new ParseUUIDPipe()) id: string): Promise<EndpointView> {
    return this.webhooks.enable(unitOf(p), id);
  }
}

/** Admins see a unit's webhooks in their scope and replay its failed deliveries. */
@Controller('units/:id/webhooks')
export class UnitWebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Roles(...ADMIN_READERS)
  async list(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<EndpointView[]> {
    await this.units.get(p, id);
    return this.webhooks.list(id);
  }

  @Get('deliveries')
  @Roles(...ADMIN_READERS)
  async deliveries(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: DeliveriesQuery,
  ): Promise<DeliveryView[]> {
    await this.units.get(p, id);
    return this.webhooks.deliveries(id, q);
  }

  @Post('deliveries/replay')
  @Roles(...ADMINS)
  @HttpCode(200)
  async replaySince(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReplayDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<Replayed> {
    await this.units.get(p, id);
    return this.webhooks.replaySince(id, dto.since, { admin: p, origin: auditOrigin(req) });
  }

  @Post('deliveries/:deliveryId/replay')
  @Roles(...ADMINS)
  @HttpCode(200)
  async replay(
    @CurrentPrincipal() p: Principal,
    @Param() { id, deliveryId }: UnitDeliveryParams,
    @Req() req: AuthenticatedRequest,
  ): Promise<DeliveryView> {
    await this.units.get(p, id);
    return this.webhooks.replay(id, deliveryId, { admin: p, origin: auditOrigin(req) });
  }
}
