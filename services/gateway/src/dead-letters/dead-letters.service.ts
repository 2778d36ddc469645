import type { AuditOrigin, Principal } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { DeadLetter, Messaging } from '@bangbang/messaging';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { writeAudit } from '../audit/audit-log';
import { DeadLetterRedrive } from './dead-letter-redrive.entity';
import { DeadLettersQuery, RedriveDto } from './dead-letter.dto';

export class DeadLetterView {
  topic: string;
  /** Its place in `<topic>.dlq`: what a redrive names. */
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  /** `malformed`, `contract` or `handler`. */
  reason: string | null;
  error: string | null;
  consumerGroup: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  attempts: number | null;
  deadLetteredAt: string | null;
  redrivenAt: string | null;
  redrivenBy: string | null;
}

export class Redriven {
  redriven: number;
}

const position = (l: { partition: number; offset: string }) => `${l.partition}/${l.offset}`;

/**
 * The dead letters of every service's topic, read from Kafka, and their redrive: the record goes back
 * on its topic for the group that gave up on it, whose inbox then applies it once.
 */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly ds: DataSource,
    private readonly messaging: Messaging,
  ) {}

  async list(query: DeadLettersQuery): Promise<DeadLetterView[]> {
    const topics = query.topic ? [query.topic] : Object.values(TOPICS);
    const letters = (await Promise.all(topics.map((t) => this.messaging.deadLetters.list(t)))).flat();
    const marks = await this.ds.getRepository(DeadLetterRedrive).findBy({ topic: In(topics) });
    const byPlace = new Map(marks.map((m) => [`${m.topic}/${m.partition}/${m.dlqOffset}`, m]));
    return letters
      .map((l): DeadLetterView => {
        const mark = byPlace.get(`${l.topic}/${position(l)}`);
        return { ...l, redrivenAt: mark?.redrivenAt.toISOString() ?? null, redrivenBy: mark?.redrivenBy ?? null };
      })
      .filter((v) => query.state === 'all' || (query.state === 'redriven') === (v.redrivenAt !== null));
  }

  /**
   * Marks, audits and republishes in one transaction: a failed publish marks nothing, and two admins
   * redriving at once take turns on the marks, so a record is redriven once.
   */
  redrive(principal: Principal, dto: RedriveDto, origin: AuditOrigin): Promise<Redriven> {
    return this.ds.transaction(async (m) => {
      const letters = await this.messaging.deadLetters.list(dto.topic);
      const chosen = dto.all ? letters : letters.filter((l) => l.partition === dto.partition && l.offset === dto.offset);
      if (!dto.all && !chosen.length) throw new NotFoundException(`no dead letter at ${dto.topic}.dlq ${dto.partition}/${dto.offset}`);
      const claimed = await this.claim(m, principal, dto, chosen);
      if (!dto.all && !claimed.length) throw new ConflictException(`${dto.topic}.dlq ${dto.partition}/${dto.offset} was already redriven`);
      for (const l of claimed) {
        await writeAudit(
          m,
          principal,
          {
            action: 'dead-letter.redriven',
            resourceType: 'dead_letter',
            resourceId: `${dto.topic}.dlq/${position(l)}`,
            purpose: dto.reason,
          },
          origin,
        );
      }
      await this.messaging.deadLetters.redrive(dto.topic, claimed);
      return { redriven: claimed.length };
    });
  }

  private async claim(m: EntityManager, principal: Principal, dto: RedriveDto, letters: DeadLetter[]): Promise<DeadLetter[]> {
    if (!letters.length) return [];
    const rows: Array<{ partition: number; dlq_offset: string }> = await m.query(
      `INSERT INTO dead_letter_redrive (topic, partition, dlq_offset, event_id, redriven_by, redriven_at, reason)
       SELECT $1, p, o, e, $2, now(), $3 FROM unnest($4::int[], $5::bigint[], $6::text[]) AS t(p, o, e)
       ON CONFLICT DO NOTHING RETURNING partition, dlq_offset::text`,
      [dto.topic, principal.id, dto.reason, letters.map((l) => l.partition), letters.map((l) => l.offset), letters.map((l) => l.eventId)],
    );
    const taken = new Set(rows.map((r) => `${r.partition}/${r.dlq_offset}`));
    return letters.filter((l) => taken.has(position(l)));
  }
}
