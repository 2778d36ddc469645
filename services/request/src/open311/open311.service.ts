import { likePrefix, maskAddress, sha256Hex } from '@bangbang/auth';
import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Category } from '../catalogue/category.entity';
import { OrgUnit } from '../directory/org-unit.entity';
import { Household } from '../households/household.entity';
import { isOpen, REQUEST_STATUSES } from '../lifecycle/request-state';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { IntakeService } from '../requests/intake.service';
import { ServiceRequest } from '../requests/service-request.entity';
import { Open311Client } from './open311-client.entity';
import {
  Open311Created,
  Open311Discovery,
  Open311Request,
  Open311ServiceDef,
  Open311ServiceDefinition,
  toClientRequest,
  toPublicRequest,
  toService,
} from './open311-format';
import { DEFAULT_PAGE_SIZE, pageOffset, queryWindow } from './open311-query';
import { Open311CreateDto, Open311ListQuery, Open311OneQuery } from './open311.dto';
import { PlaceUnit } from './report-placement';
import { reporterHousehold } from './reporter-household';
import { checkAttributes, splitAttributes } from './service-attributes';

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

  discovery(): Open311Discovery {
    const changeset = '2026-11-25T00:00:00Z';
    return {
      changeset,
      contact: 'Bangbang hotline platform: ask your district office for an api_key',
      key_service: 'Keys are issued by the district admin in Bangbang',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: this.config.OPEN311_BASE_URL,
          changeset,
          type: 'production',
          formats: ['application/json'],
        },
      ],
    };
  }

  async services(jurisdictionId?: string): Promise<Open311ServiceDef[]> {
    await this.jurisdiction(jurisdictionId);
    return (await this.catalogue.all()).map(toService);
  }

  async definition(code: string): Promise<Open311ServiceDefinition> {
    const category = await this.ds.manager.findOneBy(Category, { code });
    if (!category) throw new NotFoundException(`service_code: no service ${code}`);
    return { service_code: category.code, attributes: [...category.attributes].sort((a, b) => a.order - b.order) };
  }

  /**
   * Takes a report: from a registered household (address_id, or a resident's phone), or from
   * someone the district does not know yet, for whom a provisional household is made where the
   * address or point places it. Either way the request goes through the agents' intake.
   */
  async create(body: Record<string, unknown>): Promise<Open311Created[]> {
    const { fields, answers } = splitAttributes(body);
    const dto = plainToInstance(Open311CreateDto, fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new BadRequestException(errors.flatMap((e) => Object.values(e.constraints ?? {})));
    const client = await this.clientFor(dto.api_key);
    if (!client) throw new ForbiddenException("Invalid api_key received -- can't proceed with create_request.");
    const category = await this.ds.manager.findOneBy(Category, { code: dto.service_code });
    if (!category) throw new BadRequestException(`service_code: no service ${dto.service_code}`);
    const checked = checkAttributes(category.code, category.attributes, answers);
    if ('errors' in checked) throw new BadRequestException(checked.errors);
    const area = await this.clientArea(client, dto.jurisdiction_id);
    const { view, provisional } = await this.ds.transaction(async (m) => {
      const home = await reporterHousehold(m, dto, area);
      const taken = await this.intake.intake(
        m,
        { householdId: home.householdId, categoryCode: category.code, description: dto.description ?? category.nameZh },
        {
          actor: { kind: 'open311_client', id: client.id },
          scopeOrgPath: area.orgPath,
          channel: 'open311',
          open311ClientId: client.id,
          attributes: checked.values,
        },
      );
      return { view: taken, provisional: home.provisional };
    });
    const notice = provisional ? `受理成功，社区将核实住址，${view.responseDueAt} 前响应` : `受理成功，${view.responseDueAt} 前响应`;
    return [{ service_request_id: view.number, service_notice: notice, account_id: null }];
  }

  /** The client's area, narrowed to the jurisdiction it names; a report nothing else places lands at its unit. */
  private async clientArea(client: Open311Client, jurisdictionId: string | undefined): Promise<PlaceUnit> {
    const path = jurisdictionId ? await this.jurisdiction(jurisdictionId) : client.orgPath;
    if (!path.startsWith(client.orgPath)) throw new NotFoundException(`jurisdiction_id: no jurisdiction ${jurisdictionId}`);
    const unit = await this.ds.manager.findOneBy(OrgUnit, { orgPath: path });
    if (!unit) throw new ServiceUnavailableException(`the org tree does not know ${path} yet; try again later`);
    return unit;
  }

  /**
   * Without an api_key: every district request a stranger may see (public categories only), coarse.
   * With one: only the requests that client filed, in full. A page at a time, 90 days at most.
   */
  async list(q: Open311ListQuery): Promise<Open311Request[]> {
    const client = await this.readerFor(q.api_key);
    const qb = this.visible(client, await this.jurisdiction(q.jurisdiction_id));
    if (q.service_request_id) {
      qb.andWhere('r.number IN (:...numbers)', { numbers: q.service_request_id.split(',') });
    } else {
      const window = queryWindow(q.start_date, q.end_date, new Date());
      if ('error' in window) throw new BadRequestException(window.error);
      qb.andWhere('r.receivedAt BETWEEN :start AND :end', window);
      if (q.service_code) qb.andWhere('r.categoryCode = :code', { code: q.service_code });
      if (q.status) {
        const wanted = REQUEST_STATUSES.filter((s) => isOpen(s) === (q.status === 'open'));
        qb.andWhere('r.status IN (:...wanted)', { wanted });
      }
    }
    const size = q.page_size ?? DEFAULT_PAGE_SIZE;
    qb.orderBy('r.receivedAt', 'DESC').addOrderBy('r.number', 'DESC').skip(pageOffset(q.page, size)).take(size);
    return this.render(await qb.getMany(), client);
  }

  /** A request outside what the caller may see answers exactly like one that does not exist. */
  async one(number: string, q: Open311OneQuery): Promise<Open311Request[]> {
    const client = await this.readerFor(q.api_key);
    const r = await this.visible(client, await this.jurisdiction(q.jurisdiction_id))
      .andWhere('r.number = :number', { number })
      .getOne();
    if (!r) throw new NotFoundException(`service_request_id: no request ${number}`);
    return this.render([r], client);
  }

  private visible(client: Open311Client | null, scope: string): SelectQueryBuilder<ServiceRequest> {
    const qb = this.ds.manager.createQueryBuilder(ServiceRequest, 'r').where('r.orgPath LIKE :scope', { scope: likePrefix(scope) });
    if (client) return qb.andWhere('r.open311ClientId = :client', { client: client.id });
    return qb.andWhere('r.categoryCode IN (SELECT code FROM category WHERE public_listing)');
  }

  /** The subtree a jurisdiction_id names: any unit of the org tree; none given means everything. */
  private async jurisdiction(code: string | undefined): Promise<string> {
    if (code === undefined) return '/';
    const unit = await this.ds.manager.findOneBy(OrgUnit, { code });
    if (!unit) throw new NotFoundException(`jurisdiction_id: no jurisdiction ${code}`);
    return unit.orgPath;
  }

  /** No key reads as a stranger; a wrong or revoked key is refused, not quietly read as a stranger. */
  private async readerFor(apiKey: string | undefined): Promise<Open311Client | null> {
    if (apiKey === undefined) return null;
    const client = await this.clientFor(apiKey);
    if (!client) throw new ForbiddenException('api_key: not a valid key; leave it out to read as the public');
    return client;
  }

  private async render(rows: ServiceRequest[], client: Open311Client | null): Promise<Open311Request[]> {
    if (!rows.length) return [];
    const [categories, units, households] = await Promise.all([
      this.catalogue.all(),
      this.ds.manager.findBy(OrgUnit, { code: In([...new Set(rows.map((r) => r.communityCode))]) }),
      client ? this.ds.manager.findBy(Household, { id: In([...new Set(rows.map((r) => r.householdId))]) }) : [],
    ]);
    const names = new Map(categories.map((c) => [c.code, c.nameZh]));
    const unitNames = new Map(units.map((u) => [u.code, u.nameZh]));
    const homes = new Map(households.map((h) => [h.id, h]));
    return rows.map((r) => {
      const h = homes.get(r.householdId);
      const facts = {
        ...r,
        categoryName: names.get(r.categoryCode) ?? r.categoryCode,
        unitName: unitNames.get(r.communityCode) ?? r.communityCode,
        maskedAddress: h ? maskAddress(h.address) : null,
        lat: h?.lat ?? null,
        lng: h?.lng ?? null,
      };
      return client ? toClientRequest(facts) : toPublicRequest(facts);
    });
  }

  private clientFor(apiKey: string): Promise<Open311Client | null> {
    return this.ds.manager.findOneBy(Open311Client, { keyHash: hashApiKey(apiKey), revokedAt: IsNull() });
  }
}
