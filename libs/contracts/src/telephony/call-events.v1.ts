import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { CALL_DIRECTIONS, type CallDirection, EXTENSION, HANGUP_CAUSES, type HangupCause } from './pbx-event.v1';

/**
 * How a call ended for the call centre: `answered`; `abandoned` (the caller gave up waiting);
 * `missed` (rang out, busy, failed); `blocked` (rejected for a blocked number). Inbound calls that
 * were abandoned or missed become callbacks.
 */
export const CALL_OUTCOMES = ['answered', 'abandoned', 'missed', 'blocked'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Every call fact: which call, where it is scoped (the caller's household, else the PBX's district), when. */
export class CallFactV1 {
  @IsUUID() callId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsIn(CALL_DIRECTIONS) direction: CallDirection;
  @IsOptional() @IsUUID() householdId?: string;
  @IsISO8601() at: string;
}

export class OpenRequestCardV1 {
  @IsUUID() id: string;
  @IsString() @Length(1, 32) number: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsString() @Length(1, 32) status: string;
}

/**
 * What the agent's screen pops with: the household found by the caller's number (masked as the
 * console shows it by default), or only the number for the "new household" form.
 */
export class CallerCardV1 {
  /** The number in national format (`13812345678`, `0510-82345678`), or as the PBX sent it when it is not a phone number. */
  @IsString() @Length(1, 64) number: string;
  @IsOptional() @IsUUID() householdId?: string;
  @IsOptional() @IsString() @Length(1, 64) communityCode?: string;
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  /** Masked, as in the household's default view. */
  @IsOptional() @IsString() @Length(1, 300) address?: string;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OpenRequestCardV1) openRequests: OpenRequestCardV1[];
}

/** The call rang at an extension; `agentId` is the agent mapped to it (none: nobody is signed in there). */
export class CallRangV1 extends CallFactV1 {
  @Matches(EXTENSION) extension: string;
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
  @ValidateNested() @Type(() => CallerCardV1) caller: CallerCardV1;
}

export class CallAnsweredV1 extends CallFactV1 {
  @IsOptional() @Matches(EXTENSION) extension?: string;
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
}

export class CallEndedV1 extends CallFactV1 {
  @IsIn(CALL_OUTCOMES) outcome: CallOutcome;
  @IsOptional() @IsIn(HANGUP_CAUSES) cause?: HangupCause;
  /** Seconds from arrival to the answer, or to the hang-up when nobody answered. */
  @IsInt() @Min(0) waitSeconds: number;
  @IsInt() @Min(0) talkSeconds: number;
}

export const CALLBACK_REASONS = ['missed', 'abandoned'] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

export class CallbackFactV1 {
  @IsUUID() callbackId: string;
  /** The missed call. */
  @IsUUID() callId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsOptional() @IsUUID() householdId?: string;
  @IsIn(CALLBACK_REASONS) reason: CallbackReason;
  @IsISO8601() dueAt: string;
  @IsISO8601() at: string;
}

export class CallbackDoneV1 extends CallbackFactV1 {
  /** The outbound call that returned it, when it was made through the PBX. */
  @IsOptional() @IsUUID() returnCallId?: string;
  @IsString() @Length(1, 64) doneBy: string;
  /** Done by the deadline. */
  @IsBoolean() onTime: boolean;
}

/** Like a request's escalation: past its deadline, the callback goes up to the street's (or district's) admins. */
export class CallbackEscalatedV1 extends CallbackFactV1 {
  @IsIn(['street', 'district']) level: 'street' | 'district';
}

const call = <T extends object>(fact: string, payload: new () => T) =>
  defineEvent({ type: `bangbang.request.${fact}.v1`, topic: TOPICS.request, source: '/bangbang/request', payload });

export const CallArrived = call('call-arrived', CallFactV1);
export const CallRang = call('call-rang', CallRangV1);
export const CallAnswered = call('call-answered', CallAnsweredV1);
export const CallEnded = call('call-ended', CallEndedV1);
export const CallbackOpened = call('callback-opened', CallbackFactV1);
export const CallbackDone = call('callback-done', CallbackDoneV1);
export const CallbackEscalated = call('callback-escalated', CallbackEscalatedV1);
