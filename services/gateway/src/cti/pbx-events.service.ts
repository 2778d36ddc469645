import { PbxEventReceived, PbxEventV1 } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { BadRequestException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { BlockedNumbers } from './blocked-numbers.service';
import { PbxAnswer, PbxEventDto } from './cti.dto';
import type { Pbx } from './cti-tokens.service';

/** What each event needs beyond the call id, so the request service never gets a report it cannot place. */
function missing(e: PbxEventDto): string | undefined {
  if (e.event === 'newCall' && !e.from) return 'from: required for newCall (the caller, or the extension for an outbound call)';
  if (e.event === 'newCall' && e.direction === 'out' && !e.to) return 'to: required for an outbound newCall (the number called)';
  if (e.event === 'ringing' && !e.extension && !e.agentId) return 'extension: required for ringing (or agentId)';
  if (e.event === 'hangup' && !e.cause) return 'cause: required for hangup';
  if (e.event === 'transfer' && !e.extension) return 'extension: required for transfer (where the call goes)';
  return undefined;
}

export function parsePbxEvent(body: unknown): PbxEventDto {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException('the body must be a form-encoded or JSON object with event and callId');
  }
  const dto = plainToInstance(PbxEventDto, body);
  const errors = validateSync(dto, { whitelist: true, forbidUnknownValues: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  const gap = problems.length ? undefined : missing(dto);
  if (problems.length || gap) throw new BadRequestException(gap ? [gap] : problems);
  return dto;
}

/**
 * Takes a PBX's report: remembers that it came (a report sent twice is published once), and puts it
 * in the gateway's outbox in the same transaction. The PBX is answered as soon as that commits; the
 * request service, which owns calls, reads the report from the bus.
 */
@Injectable()
export class PbxEvents {
  constructor(
    private readonly ds: DataSource,
    private readonly blocked: BlockedNumbers,
  ) {}

  async receive(pbx: Pbx, e: PbxEventDto): Promise<PbxAnswer> {
    const now = new Date();
    const direction = e.direction ?? 'in';
    const reject = e.event === 'newCall' && direction === 'in' && (await this.blocked.blocks(pbx.orgPath, e.from, now));
    const target = e.event === 'ringing' || e.event === 'transfer' ? (e.extension ?? e.agentId ?? '') : '';
    const fresh = await this.ds.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO cti_receipt (pbx_id, call_id, event, target, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [pbx.id, e.callId, e.event, target, now],
      );
      if (!inserted.length) return false;
      const data: PbxEventV1 = {
        pbxId: pbx.id,
        orgPath: pbx.orgPath,
        callId: e.callId,
        event: e.event,
        ...(e.event === 'newCall' && { direction }),
        ...(e.from && { from: e.from }),
        ...(e.to && { to: e.to }),
        ...(e.extension && { extension: e.extension }),
        ...(e.agentId && { agentId: e.agentId }),
        ...(e.cause && { cause: e.cause }),
        ...(e.callbackId && { callbackId: e.callbackId }),
        ...(reject && { blocked: true }),
        at: e.at ? new Date(e.at).toISOString() : now.toISOString(),
        receivedAt: now.toISOString(),
      };
      await writeToOutbox(m, PbxEventReceived, { subject: e.callId, data });
      return true;
    });
    return { accepted: true, duplicate: !fresh, action: reject ? 'reject' : 'accept', ...(reject && { reason: 'blocked' as const }) };
  }
}
