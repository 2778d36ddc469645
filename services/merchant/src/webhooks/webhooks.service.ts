import { recordAudit } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AdminAct } from '../api-keys/api-keys.service';
import { OmitType } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { PartnerUnit } from '../units/partner-unit.entity';
import { SECRET_BOX, SecretBox } from './secret-box';
import { newWebhookSecret } from './signing';
import { refuseUrl } from './ssrf';
import { WebhookAttempt, WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WEBHOOK_CHANNEL } from './webhook-enqueue';
import { CreateEndpointDto, DeliveriesQuery } from './webhook.dto';
import { WEBHOOK_EVENT_TYPES } from './webhook-payloads';

export class EndpointView extends OmitType(WebhookEndpoint, ['secretSealed', 'previousSecretSealed'] as const) {
  rotating: boolean;
}
/** A new endpoint, with its signing secret shown this once. */
export class CreatedEndpoint extends EndpointView {
  secret: string;
}

export class DeliveryView extends OmitType(WebhookDelivery, ['body'] as const) {
  attemptLog?: WebhookAttempt[];
}

const endpointView = ({ secretSealed: _, previousSecretSealed: __, ...rest }: WebhookEndpoint): EndpointView => ({
  ...rest,
  rotating: Boolean(rest.previousSecretUntil && rest.previousSecretUntil > new Date()),
});
const deliveryView = ({ body: _, ...rest }: WebhookDelivery): DeliveryView => rest;

/** A unit's endpoints and deliveries. Every lookup is by (unit, id): another unit's id is a 404. */
export class RotatedSecret {
  secret: string;
  previousSecretValidUntil: Date;
}

export class Replayed {
  replayed: number;
}

@Injectable()
export class WebhooksService {
  constructor(
    private readonly ds: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig,
  ) {}

  async create(unitId: string, dto: CreateEndpointDto): Promise<EndpointView & { secret: string }> {
    this.checkUrl(dto.url);
    return this.ds.transaction(async (m) => {
      // The unit's row lock makes concurrent registrations count one after the other.
      const unit = await m.findOne(PartnerUnit, { where: { id: unitId }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundException('partner unit not found');
      if (unit.status === 'retired') throw new ConflictException('the unit is retired, so it gets no webhooks');
      const max = this.config.WEBHOOK_MAX_ENDPOINTS;
      if ((await m.countBy(WebhookEndpoint, { unitId, deletedAt: IsNull() })) >= max) {
        throw new ConflictException(`a unit has at most ${max} webhook endpoints: delete one before adding another`);
      }
      const secret = newWebhookSecret();
      const endpoint = m.create(WebhookEndpoint, {
        id: randomUUID(),
        unitId,
        orgPath: unit.orgPath,
        url: dto.url,
        description: dto.description ?? null,
        eventTypes: dto.eventTypes ?? [...WEBHOOK_EVENT_TYPES],
        secretSealed: this.box.seal(secret),
        previousSecretSealed: null,
        previousSecretUntil: null,
        enabled: true,
        disabledReason: null,
        failingSince: null,
        createdAt: new Date(),
        deletedAt: null,
      });
      await m.insert(WebhookEndpoint, endpoint);
      return { ...endpointView(endpoint), secret };
    });
  }

  async list(unitId: string): Promise<EndpointView[]> {
    const endpoints = await this.ds.manager.find(WebhookEndpoint, { where: { unitId, deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    return endpoints.map(endpointView);
  }

  async remove(unitId: string, id: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const { affected } = await m.update(WebhookEndpoint, { id, unitId, deletedAt: IsNull() }, { deletedAt: new Date(), enabled: false });
      if (!affected) throw new NotFoundException('webhook endpoint not found');
      await m.query(
        `UPDATE webhook_delivery SET status = 'failed', last_error = 'endpoint deleted', finished_at = now() WHERE endpoint_id = $1 AND status = 'pending'`,
        [id],
      );
    });
  }

  /** A new secret, shown once; the old one keeps signing alongside it for the overlap (24 h). */
  async rotateSecret(unitId: string, id: string): Promise<RotatedSecret> {
    const endpoint = await this.endpoint(unitId, id);
    const secret = newWebhookSecret();
    const until = new Date(Date.now() + this.config.WEBHOOK_SECRET_OVERLAP_MS);
    await this.ds.manager.update(
      WebhookEndpoint,
      { id },
      { secretSealed: this.box.seal(secret), previousSecretSealed: endpoint.secretSealed, previousSecretUntil: until },
    );
    return { secret, previousSecretValidUntil: until };
  }

  /** Turns a disabled endpoint back on (the URL is checked again); its failed deliveries can then be replayed. */
  async enable(unitId: string, id: string): Promise<EndpointView> {
    const endpoint = await this.endpoint(unitId, id);
    this.checkUrl(endpoint.url);
    await this.ds.manager.update(WebhookEndpoint, { id }, { enabled: true, disabledReason: null, failingSince: null });
    return endpointView({ ...endpoint, enabled: true, disabledReason: null, failingSince: null });
  }

  async deliveries(unitId: string, q: DeliveriesQuery): Promise<DeliveryView[]> {
    const qb = this.ds.manager
      .createQueryBuilder(WebhookDelivery, 'd')
      .where('d.unitId = :unitId', { unitId })
      .orderBy('d.createdAt', 'DESC')
      .limit(500);
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.since) qb.andWhere('d.createdAt >= :since', { since: new Date(q.since) });
    if (q.endpointId) qb.andWhere('d.endpointId = :endpointId', { endpointId: q.endpointId });
    return (await qb.getMany()).map(deliveryView);
  }

  async delivery(unitId: string, id: string, m: EntityManager = this.ds.manager): Promise<DeliveryView> {
    const delivery = await m.findOneBy(WebhookDelivery, { id, unitId });
    if (!delivery) throw new NotFoundException('webhook delivery not found');
    const attemptLog = await m.find(WebhookAttempt, { where: { deliveryId: id }, order: { attempt: 'ASC' } });
    return { ...deliveryView(delivery), attemptLog };
  }

  /** Sends a failed delivery again from the start of the schedule, with the same `webhook-id`. */
  async replay(unitId: string, id: string, by?: AdminAct): Promise<DeliveryView> {
    const delivery = await this.ds.manager.findOneBy(WebhookDelivery, { id, unitId });
    if (!delivery) throw new NotFoundException('webhook delivery not found');
    if (delivery.status !== 'failed')
      throw new ConflictException(`the delivery is ${delivery.status}; only failed deliveries are replayed`);
    // The answer is read in the replay's transaction: a failed read then undoes the replay, so its 503
    // ("nothing was changed") is true and a repeat is not refused as a double.
    return this.ds.transaction(async (m) => {
      const [replayed] = await this.replayWhere(m, 'd.id = $2', [unitId, id], by && { ...by, purpose: () => `delivery ${id}` });
      if (!replayed) throw new ConflictException('the delivery cannot be replayed while its endpoint is disabled or deleted');
      return this.delivery(unitId, id, m);
    });
  }

  async replaySince(unitId: string, since: string, by?: AdminAct): Promise<Replayed> {
    const audit = by && { ...by, purpose: (n: number) => `failed deliveries since ${since}: ${n}` };
    const replayed = await this.ds.transaction((m) => this.replayWhere(m, 'd.created_at >= $2', [unitId, new Date(since)], audit));
    return { replayed: replayed.length };
  }

  private async replayWhere(
    m: EntityManager,
    condition: string,
    params: unknown[],
    by?: AdminAct & { purpose(replayed: number): string },
  ): Promise<string[]> {
    const [rows] = await m.query<[{ id: string }[], number]>(
      `UPDATE webhook_delivery d SET status = 'pending', step = 0, next_attempt_at = now(), finished_at = NULL
       FROM webhook_endpoint e
       WHERE e.id = d.endpoint_id AND e.enabled AND e.deleted_at IS NULL
         AND d.unit_id = $1 AND d.status = 'failed' AND ${condition}
       RETURNING d.id`,
      params,
    );
    if (rows.length) await m.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, params[0]]);
    if (by && rows.length) {
      const entry = {
        action: 'webhook.replayed',
        resourceType: 'partner-unit',
        resourceId: params[0] as string,
        purpose: by.purpose(rows.length).slice(0, 200),
      };
      await recordAudit(m, AuditRecorded.merchant, by.admin, entry, by.origin);
    }
    return rows.map((r) => r.id);
  }

  private async endpoint(unitId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.ds.manager.findOneBy(WebhookEndpoint, { id, unitId, deletedAt: IsNull() });
    if (!endpoint) throw new NotFoundException('webhook endpoint not found');
    return endpoint;
  }

  private checkUrl(url: string): void {
    const refused = refuseUrl(url, { allowLocalHttp: this.config.WEBHOOK_ALLOW_LOCAL_HTTP });
    if (refused) throw new BadRequestException([`url ${refused}`]);
  }
}
