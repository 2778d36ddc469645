import {
  CALL_DIRECTIONS,
  CALL_ID,
  type CallDirection,
  EXTENSION,
  HANGUP_CAUSES,
  type HangupCause,
  PBX_EVENTS,
  type PbxEventName,
} from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class IssueCtiTokenDto {
  /** Which PBX this is, for telling tokens apart (e.g. `主中继 Asterisk`). */
  @IsString() @Length(1, 100) name: string;
}

export class CtiTokenView {
  id: string;
  name: string;
  orgPath: string;
  /** The token's first 12 characters. */
  prefix: string;
  issuedBy: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export class IssuedCtiToken extends CtiTokenView {
  /** Shown this once: give it to the PBX as the `X-CTI-Token` header. */
  token: string;
}

export class BlockNumberDto {
  /** A mobile or a landline with its area code, in any usual spelling. */
  @IsString() @Length(3, 32) number: string;
  @IsString() @Length(1, 500) reason: string;
  /** Until when; absent: until lifted. */
  @IsOptional() @IsDateTime() expiresAt?: string;
}

export class LiftBlockDto {
  @IsString() @Length(1, 500) reason: string;
}

export class BlockedNumberView {
  id: string;
  /** National format, e.g. `13812345678` or `0510-82345678`. */
  number: string;
  orgPath: string;
  reason: string;
  blockedBy: string;
  blockedAt: Date;
  expiresAt: Date | null;
  liftedAt: Date | null;
  liftedBy: string | null;
  /** Rejected now: not lifted and not expired. */
  active: boolean;
}

export class ListBlockedQuery {
  /** `true` (default): only blocks in force now; `false`: the whole record, lifted and expired too. */
  @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}

/**
 * One PBX report, form-encoded or JSON. Fields a PBX sends beyond these are ignored (PBXs send
 * plenty), so this is checked by hand rather than by the strict global pipe.
 */
export class PbxEventDto {
  @IsIn(PBX_EVENTS) event: PbxEventName;
  @Matches(CALL_ID, { message: 'callId must be 1 to 128 letters, digits or ._:@-' }) callId: string;
  @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @IsOptional() @IsString() @Length(1, 64) from?: string;
  @IsOptional() @IsString() @Length(1, 64) to?: string;
  @IsOptional() @Matches(EXTENSION, { message: 'extension must be 1 to 32 letters, digits or *#_-' }) extension?: string;
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
  @IsOptional() @IsIn(HANGUP_CAUSES) cause?: HangupCause;
  @IsOptional() @IsUUID() callbackId?: string;
  @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export class PbxAnswer {
  accepted: true;
  /** Already received (same callId and event; for ringing and transfer, same extension too): taken once, not again. */
  duplicate: boolean;
  /** `reject`: the caller's number is blocked; the PBX should refuse the call. */
  action: 'accept' | 'reject';
  reason?: 'blocked';
}

export class VerdictQuery {
  @IsString() @Length(1, 64) from: string;
}

export class PbxVerdict {
  action: 'accept' | 'reject';
  reason?: 'blocked';
}
