import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type CallDirection,
  type CallOutcome,
  type CallbackReason,
  type HangupCause,
  type PbxEventName,
} from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CALLBACK_STATUSES, type CallbackStatus } from './callback.entity';
import { FIGURE_BUCKETS, FIGURE_GROUPS, type FigureBucket, type FigureGroup } from './call-figures';

export class ListCallsQuery {
  /** Calls that arrived at or after this instant (default: the last 24 hours). */
  @IsOptional() @IsDateTime() from?: string;
  @IsOptional() @IsDateTime() to?: string;
  @IsOptional() @IsIn(CALL_OUTCOMES) outcome?: CallOutcome;
  @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @IsOptional() @IsUUID() householdId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 100;
}

export class CallEntryView {
  event: PbxEventName;
  at: string;
  extension?: string;
  agentId?: string;
  cause?: HangupCause;
}

export class CallView {
  id: string;
  /** The PBX's id for the call. */
  pbxCallId: string;
  direction: CallDirection;
  /** Masked (`138****5678`); the callback queue shows the whole number to the desk. */
  number: string | null;
  householdId: string | null;
  streetCode: string | null;
  communityCode: string | null;
  orgPath: string;
  blocked: boolean;
  arrivedAt: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
  answeredExtension: string | null;
  endedAt: Date | null;
  cause: HangupCause | null;
  /** Null while the call goes on. */
  outcome: CallOutcome | null;
  waitSeconds: number;
  talkSeconds: number;
  /** Outbound: the callback it returns. */
  callbackId: string | null;
}

export class CallRequestView {
  id: string;
  number: string;
  categoryCode: string;
  status: string;
}

export class CallDetailView extends CallView {
  /** The PBX's reports in the order they happened. */
  timeline: CallEntryView[];
  /** Requests taken during the call. */
  requests: CallRequestView[];
}

export class ListCallbacksQuery {
  /** Default `open`: the queue. */
  @IsOptional() @IsIn([...CALLBACK_STATUSES, 'all']) status: CallbackStatus | 'all' = 'open';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 200;
}

export class CallbackView {
  id: string;
  /** The (first) missed call. */
  callId: string;
  /** In national format, to dial; masked for auditors. */
  number: string | null;
  householdId: string | null;
  communityCode: string | null;
  orgPath: string;
  reason: CallbackReason;
  status: CallbackStatus;
  missedCalls: number;
  attempts: number;
  createdAt: Date;
  dueAt: Date;
  /** Open and past its deadline. */
  overdue: boolean;
  doneAt: Date | null;
  doneBy: string | null;
  returnCallId: string | null;
  note: string | null;
  escalatedAt: Date | null;
  escalationLevel: 'street' | 'district' | null;
}

export class DoneCallbackDto {
  /** What the resident said, or how they were reached. */
  @IsOptional() @IsString() @Length(1, 500) note?: string;
  /** The outbound call that returned it, when the PBX did not say so itself. */
  @IsOptional() @IsUUID() callId?: string;
}

export class MapExtensionDto {
  /** The agent's user id; an agent may only map themselves. */
  @IsString() @Length(1, 64) agentId: string;
}

export class ExtensionView {
  extension: string;
  agentId: string;
  orgPath: string;
  updatedBy: string;
  updatedAt: Date;
}

export class FiguresQuery {
  @IsDateTime() from: string;
  @IsDateTime() to: string;
  @IsOptional() @IsIn(FIGURE_BUCKETS) bucket: FigureBucket = 'day';
  /** `all`, or per street or community of the caller's household. */
  @IsOptional() @IsIn(FIGURE_GROUPS) by: FigureGroup = 'all';
  @IsOptional() @IsIn(['json', 'csv']) format: 'json' | 'csv' = 'json';
}
