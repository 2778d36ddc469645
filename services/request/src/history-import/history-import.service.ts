import { AuditOrigin, Principal, recordAudit } from '@bangbang/auth';
import { AuditRecorded, coarseLocation, normalisePhone, RequestImported } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { deadlinesFor } from '../catalogue/deadlines';
import { FeeEligibility } from '../eligibility/fee-eligibility.entity';
import { feePolicyAt } from '../eligibility/fee-rules';
import { callerLookupQuery } from '../households/caller-lookup';
import { Household } from '../households/household.entity';
import { requestNumber } from '../requests/request-number';
import { ServiceRequest, TimelineEntry } from '../requests/service-request.entity';
import { HistoryImportDto, HistoryImportView, ImportedRecord, PastRequestDto } from './history-import.dto';
import { storyProblem } from './import-rules';

/**
 * Takes over a district's completed requests from its previous hotline system. Each becomes a
 * closed request here and one `request.imported.v1` fact carrying its original times, so the
 * figures count it in the months it happened; nothing is dispatched, texted or paid in points.
 * One call is all or nothing; records already imported from the same source are left as they are.
 */
@Injectable()
export class HistoryImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  import(principal: Principal, dto: HistoryImportDto, origin: AuditOrigin): Promise<HistoryImportView> {
    const refs = dto.records.map((r) => r.externalRef);
    const twice = refs.find((ref, i) => refs.indexOf(ref) !== i);
    if (twice) throw new BadRequestException(`records: externalRef ${twice} appears twice`);
    const now = new Date();
    return this.ds.transaction(async (m) => {
      // Two imports of one source at once would both find a record new; the second waits here.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`history-import:${dto.source}`]);
      const earlier = new Map(
        (
          await m.query<Array<{ import_ref: string; id: string; number: string }>>(
            'SELECT import_ref, id, number FROM service_request WHERE import_source = $1 AND import_ref = ANY($2)',
            [dto.source, refs],
          )
        ).map((r) => [r.import_ref, r]),
      );
      const records: ImportedRecord[] = [];
      for (const [i, record] of dto.records.entries()) {
        const done = earlier.get(record.externalRef);
        if (done) records.push({ externalRef: record.externalRef, requestId: done.id, number: done.number, outcome: 'already_imported' });
        else records.push(await this.importOne(m, principal, dto.source, record, `records.${i}`, now));
      }
      const imported = records.filter((r) => r.outcome === 'imported').length;
      if (imported > 0) {
        await recordAudit(
          m,
          AuditRecorded.request,
          principal,
          { action: 'history.imported', resourceType: 'import_source', resourceId: dto.source, purpose: `${imported} past request(s)` },
          origin,
        );
      }
      return { source: dto.source, imported, alreadyImported: records.length - imported, records };
    });
  }

  private async importOne(
    m: EntityManager,
    principal: Principal,
    source: string,
    p: PastRequestDto,
    field: string,
    now: Date,
  ): Promise<ImportedRecord> {
    const story = {
      receivedAt: new Date(p.receivedAt),
      acceptedAt: new Date(p.acceptedAt),
      signedOffAt: new Date(p.signedOffAt),
      ratedAt: p.rating && new Date(p.rating.ratedAt),
    };
    const problem = storyProblem(story, now);
    if (problem) throw new BadRequestException(`${field}.${problem}`);
    const household = await this.householdOf(m, p.phone, principal.orgPath, field);
    const category = await this.catalogue.forIntake(m, p.categoryCode, household.communityCode).catch((err: unknown) => {
      throw err instanceof HttpException ? new BadRequestException(`${field}.${err.message}`) : err;
    });
    if (category.kind !== 'home_service')
      throw new BadRequestException(
        `${field}.categoryCode: ${category.code} is a consultation; only home services with a provider are imported`,
      );
    const urgency = p.urgency ?? category.urgency;
    const due = deadlinesFor(urgency, story.receivedAt);
    const grants = await m.findBy(FeeEligibility, { householdId: household.id, revokedAt: IsNull() });
    const [{ n }] = await m.query<[{ n: string }]>(`SELECT nextval('service_request_number_seq') AS n`);
    const closedAt = story.ratedAt ?? story.signedOffAt;
    const r = m.create(ServiceRequest, {
      id: randomUUID(),
      number: requestNumber(story.receivedAt, Number(n)),
      householdId: household.id,
      residentId: null,
      communityCode: household.communityCode,
      orgPath: household.orgPath,
      categoryCode: category.code,
      kind: category.kind,
      urgency,
      feePolicy: feePolicyAt(grants, story.receivedAt),
      description: p.description.trim(),
      channel: 'hotline' as const,
      open311ClientId: null,
      attributes: {},
      preferredFrom: null,
      preferredTo: null,
      chosenProviderId: null,
      status: 'closed' as const,
      providerId: p.providerId,
      providerKind: p.providerKind,
      priceChargedFen: p.priceChargedFen ?? null,
      solved: p.solved,
      reopenCount: 0,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      receivedAt: story.receivedAt,
      assignedAt: story.acceptedAt,
      completedAt: story.signedOffAt,
      signedOffAt: story.signedOffAt,
      closedAt,
      lastFactAt: closedAt,
      importSource: source,
      importRef: p.externalRef,
      updatedAt: now,
    });
    await m.insert(ServiceRequest, r);
    const by = { requestId: r.id, actorKind: principal.kind, actorId: principal.id };
    const note = `imported from ${source} #${p.externalRef}`;
    await m.insert(TimelineEntry, [
      { ...by, at: story.receivedAt, action: 'receive', fromStatus: null, toStatus: 'received', note },
      { ...by, at: story.acceptedAt, action: 'assign', fromStatus: 'received', toStatus: 'assigned', note },
      { ...by, at: story.signedOffAt, action: 'sign_off', fromStatus: 'assigned', toStatus: 'signed_off', note },
      { ...by, at: closedAt, action: 'close', fromStatus: 'signed_off', toStatus: 'closed', note },
    ]);
    await writeToOutbox(m, RequestImported, {
      subject: r.id,
      data: {
        requestId: r.id,
        number: r.number,
        communityId: r.communityCode,
        orgPath: r.orgPath,
        categoryCode: r.categoryCode,
        kind: r.kind,
        urgency: r.urgency,
        feePolicy: r.feePolicy,
        responseDueAt: r.responseDueAt.toISOString(),
        resolutionDueAt: r.resolutionDueAt.toISOString(),
        receivedAt: p.receivedAt,
        ...(household.lat !== null && household.lng !== null && { location: coarseLocation({ lat: household.lat, lng: household.lng }) }),
        source,
        externalRef: p.externalRef,
        acceptedAt: story.acceptedAt.toISOString(),
        providerId: p.providerId,
        providerKind: p.providerKind,
        signedOffAt: story.signedOffAt.toISOString(),
        solved: p.solved,
        ...(p.rating && { rating: { ...p.rating, ratedAt: story.ratedAt!.toISOString() } }),
        importedBy: principal.id,
      },
    });
    return { externalRef: p.externalRef, requestId: r.id, number: r.number, outcome: 'imported' };
  }

  /** The one household in the importer's scope with a resident at this number. */
  private async householdOf(m: EntityManager, phone: string, scope: string, field: string): Promise<Household> {
    const e164 = normalisePhone(phone);
    if (!e164) throw new BadRequestException(`${field}.phone: not a phone number`);
    const { sql, params } = callerLookupQuery({ exact: e164 }, scope);
    const found = await m.query<Array<{ id: string }>>(sql, params);
    if (found.length !== 1)
      throw new BadRequestException(
        `${field}.phone: ${found.length === 0 ? 'no household' : 'more than one household'} in your scope has this number`,
      );
    return m.findOneByOrFail(Household, { id: found[0].id });
  }
}
