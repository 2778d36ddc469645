import { maskAddress, sha256Hex } from '@bangbang/auth';
import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In, IsNull } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Category } from '../catalogue/category.entity';
import { callerLookupQuery } from '../households/caller-lookup';
import { Household } from '../households/household.entity';
import { normalisePhone } from '../households/phone';
import { isOpen, REQUEST_STATUSES } from '../lifecycle/request-state';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { IntakeService } from '../requests/intake.service';
import { ServiceRequest } from '../requests/service-request.entity';
import { Open311Client } from './open311-client.entity';
import { Open311Request, Open311ServiceDef, toRequest, toService } from './open311-format';
import { Open311CreateDto, Open311ListQuery } from './open311.dto';

const DEFAULT_SPAN_DAYS = 90;
const MAX_RESULTS = 1000;

/** Keys carry 24 random bytes: unguessable, so a plain SHA-256 (no slow hash) keeps them safe at rest. */
export const hashApiKey = sha256Hex;

@Injectable()
export class Open311Service {
  constructor(
    private readonly ds: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly intake: IntakeService,
    @Inject(REQUEST_CONFIG) private readonly config: RequestConfig,
  ) {}

  discovery(): object {
    const changeset = '2026-11-25T00:00:00Z';
    return {
      changeset,
      contact: 'Bangbang hotline platform: ask your district office for an api_key',
      key_service: 'Keys are issued by the district admin in Bangbang',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: this.config.OPEN311_BASE_URL, changeset, type: 'production', formats: ['application/json'] }],
    };
  }

  async services(): Promise<Open311ServiceDef[]> {
    return (await this.catalogue.all()).map(toService);
  }

  async definition(code: string): Promise<object> {
    const category = await this.ds.manager.findOneBy(Category, { code });
    if (!category) throw new NotFoundException(`service_code: no service ${code}`);
    return { service_code: category.code, attributes: [] };
  }

  async create(body: Record<string, unknown>): Promise<Array<{ service_request_id: string; service_notice: string | null; account_id: string | null }>> {
    const fields = Object.fromEntries(Object.entries(body).filter(([k]) => !/^attribute\[.*\]$/.test(k)));
    const dto = plainToInstance(Open311CreateDto, fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new BadRequestException(errors.flatMap((e) => Object.values(e.constraints ?? {})));
    const client = await this.clientFor(dto.api_key);
    if (!client) throw new ForbiddenException("Invalid api_key received -- can't proceed with create_request.");
    const category = await this.ds.manager.findOneBy(Category, { code: dto.service_code });
    if (!category) throw new BadRequestException(`service_code: no service ${dto.service_code}`);
    const householdId = await this.householdFor(dto, client);
    const { view } = await this.intake
      .create(
        { householdId, categoryCode: category.code, description: dto.description ?? category.nameZh },
        { actor: { kind: 'open311_client', id: client.id }, scopeOrgPath: client.orgPath, channel: 'open311', open311ClientId: client.id },
      )
      .catch((err: unknown) => {
        if (err instanceof NotFoundException) throw new BadRequestException(`address_id: no registered household ${householdId} in your area`);
        throw err;
      });
    return [{ service_request_id: view.number, service_notice: `受理成功，${view.responseDueAt} 前响应`, account_id: null }];
  }

  async list(q: Open311ListQuery): Promise<Open311Request[]> {
    const client = q.api_key ? await this.clientFor(q.api_key) : null;
    const qb = this.ds.manager.createQueryBuilder(ServiceRequest, 'r').orderBy('r.receivedAt', 'DESC').limit(MAX_RESULTS);
    if (q.service_request_id) {
      qb.where('r.number IN (:...numbers)', { numbers: q.service_request_id.split(',') });
    } else {
      const end = q.end_date ? new Date(q.end_date) : new Date();
      const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - DEFAULT_SPAN_DAYS * 86_400_000);
      qb.where('r.receivedAt BETWEEN :start AND :end', { start, end });
      if (q.service_code) qb.andWhere('r.categoryCode = :code', { code: q.service_code });
      if (q.status) {
        const wanted = REQUEST_STATUSES.filter((s) => isOpen(s) === (q.status === 'open'));
        qb.andWhere('r.status IN (:...wanted)', { wanted });
      }
    }
    return this.render(await qb.getMany(), client);
  }

  async one(number: string, apiKey?: string): Promise<Open311Request[]> {
    const r = await this.ds.manager.findOneBy(ServiceRequest, { number });
    if (!r) throw new NotFoundException(`service_request_id: no request ${number}`);
    return this.render([r], apiKey ? await this.clientFor(apiKey) : null);
  }

  private async render(rows: ServiceRequest[], client: Open311Client | null): Promise<Open311Request[]> {
    if (!rows.length) return [];
    const [categories, households] = await Promise.all([
      this.catalogue.all(),
      this.ds.manager.findBy(Household, { id: In([...new Set(rows.map((r) => r.householdId))]) }),
    ]);
    const names = new Map(categories.map((c) => [c.code, c.nameZh]));
    const homes = new Map(households.map((h) => [h.id, h]));
    return rows.map((r) => {
      const h = homes.get(r.householdId);
      return toRequest(
        {
          ...r,
          categoryName: names.get(r.categoryCode) ?? r.categoryCode,
          maskedAddress: h ? maskAddress(h.address) : null,
          lat: h?.lat ?? null,
          lng: h?.lng ?? null,
        },
        client !== null && r.open311ClientId === client.id,
      );
    });
  }

  private clientFor(apiKey: string): Promise<Open311Client | null> {
    return this.ds.manager.findOneBy(Open311Client, { keyHash: hashApiKey(apiKey), revokedAt: IsNull() });
  }

  /** A registered household in the client's area: by address_id, or by a resident's phone. */
  private async householdFor(dto: Open311CreateDto, client: Open311Client): Promise<string> {
    if (dto.address_id) return dto.address_id;
    if (dto.phone) {
      const exact = normalisePhone(dto.phone);
      if (!exact) throw new BadRequestException('phone: not a phone number');
      const { sql, params } = callerLookupQuery({ exact }, client.orgPath);
      const [found] = await this.ds.query(sql, params);
      if (found) return found.id;
    }
    throw new BadRequestException('address_id: give the household (address_id) or the phone of a registered resident');
  }
}
