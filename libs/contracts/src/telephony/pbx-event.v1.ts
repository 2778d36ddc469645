import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

export const PBX_EVENTS = ['newCall', 'ringing', 'answer', 'hangup', 'transfer'] as const;
export type PbxEventName = (typeof PBX_EVENTS)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * Why a call ended, as the PBX says it: `normal` after a conversation, `busy` (every line taken),
 * `cancel` (the caller hung up while it rang), `noAnswer` (rang out), `abandoned` (the caller hung
 * up waiting in the queue), `congestion` and `failed` (the network or the PBX could not connect).
 */
export const HANGUP_CAUSES = ['normal', 'busy', 'cancel', 'noAnswer', 'abandoned', 'congestion', 'failed'] as const;
export type HangupCause = (typeof HANGUP_CAUSES)[number];

export const CALL_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
export const EXTENSION = /^[0-9A-Za-z*#_-]{1,32}$/;

/**
 * One report of a PBX, taken by the gateway's CTI endpoint and keyed by the PBX's call id, so a
 * call's reports stay in order on the way to the request service, which owns calls. Carries the
 * caller's number: the call log needs it, and so does the agent who calls back.
 */
export class PbxEventV1 {
  /** The CTI token the PBX used: one per PBX. */
  @IsUUID() pbxId: string;
  /** The district (or street) the PBX's token was issued for. */
  @Matches(UNIT_PATH) orgPath: string;
  @Matches(CALL_ID) callId: string;
  @IsIn(PBX_EVENTS) event: PbxEventName;
  @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  /** The calling number (inbound) or the extension placing the call (outbound), as the PBX sent it. */
  @IsOptional() @IsString() @Length(1, 64) from?: string;
  /** The hotline number dialled (inbound) or the number called (outbound). */
  @IsOptional() @IsString() @Length(1, 64) to?: string;
  /** `ringing`, `answer`: the extension; `transfer`: the extension the call goes to. */
  @IsOptional() @Matches(EXTENSION) extension?: string;
  /** `ringing`, `answer`: the agent's user id when the PBX knows it instead of (or besides) the extension. */
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
  @IsOptional() @IsIn(HANGUP_CAUSES) cause?: HangupCause;
  /** An outbound call made to return a callback. */
  @IsOptional() @IsUUID() callbackId?: string;
  /** The number is blocked: the gateway told the PBX to reject the call. */
  @IsOptional() @IsBoolean() blocked?: boolean;
  /** When it happened at the PBX (reports may arrive late or out of order); the receipt time when the PBX did not say. */
  @IsISO8601() at: string;
  @IsISO8601() receivedAt: string;
}

export const PbxEventReceived = defineEvent({
  type: 'bangbang.telephony.pbx-event-received.v1',
  topic: TOPICS.telephony,
  source: '/bangbang/gateway',
  payload: PbxEventV1,
});
