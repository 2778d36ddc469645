import { RequestCreated } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateRequestDto } from './create-request.dto';
import { ServiceRequest } from './service-request.entity';

@Injectable()
export class RequestsService {
  constructor(private readonly ds: DataSource) {}

  create(dto: CreateRequestDto): Promise<ServiceRequest> {
    return this.ds.transaction(async (m) => {
      const [{ n }] = await m.query(`SELECT nextval('service_request_number_seq') AS n`);
      const receivedAt = new Date();
      const request = m.create(ServiceRequest, {
        id: randomUUID(),
        number: `R${receivedAt.toISOString().slice(0, 10).replaceAll('-', '')}-${String(n).padStart(6, '0')}`,
        ...dto,
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
          categoryCode: request.categoryCode,
          urgency: request.urgency,
          feePolicy: request.feePolicy,
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
