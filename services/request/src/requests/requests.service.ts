import { RequestCreated } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadlinesFor } from '../catalogue/deadlines';
import { CreateRequestDto } from './create-request.dto';
import { ServiceRequest } from './service-request.entity';

@Injectable()
export class RequestsService {
  constructor(private readonly ds: DataSource) {}

  create(dto: CreateRequestDto): Promise<ServiceRequest> {
    return this.ds.transaction(async (m) => {
      const [{ n }] = await m.query(`SELECT nextval('service_request_number_seq') AS n`);
      const receivedAt = new Date();
      const due = deadlinesFor(dto.urgency, receivedAt);
      const request = m.create(ServiceRequest, {
        id: randomUUID(),
        number: `R${receivedAt.toISOString().slice(0, 10).replaceAll('-', '')}-${String(n).padStart(6, '0')}`,
        communityId: dto.communityId,
        categoryCode: dto.categoryCode,
        urgency: dto.urgency,
        feePolicy: dto.feePolicy,
        description: dto.description,
        status: 'received',
        receivedAt,
      });
      await m.insert(ServiceRequest, request);
      await writeToOutbox(m, RequestCreated, {
        subject: request.id,
        data: {
          requestId: request.id,
          number: request.number,
          communityId: request.communityId,
          orgPath: dto.orgPath,
          categoryCode: request.categoryCode,
          kind: 'home_service',
          urgency: request.urgency,
          feePolicy: request.feePolicy,
          responseDueAt: due.responseDueAt.toISOString(),
          resolutionDueAt: due.resolutionDueAt.toISOString(),
          summary: request.description,
          receivedAt: receivedAt.toISOString(),
        },
      });
      return request;
    });
  }

  async get(id: string): Promise<ServiceRequest> {
    const found = await this.ds.getRepository(ServiceRequest).findOneBy({ id });
    if (!found) throw new NotFoundException(`request ${id} not found`);
    return found;
  }
}
