import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { URGENCIES, type Urgency, CANCELLED_BY } from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import { REQUEST_STATUSES, type RequestStatus } from '../lifecycle/request-state';

export const DESCRIPTION_MAX = 2000;

export class WindowDto {
  @IsDateTime() from: string;
  @IsDateTime() to: string;
}

export class CreateRequestDto {
  @IsUUID() householdId: string;
  /** Who called, when the household has several residents; they get the messages. */
  @IsOptional() @IsUUID() residentId?: string;
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'categoryCode must be a category code' }) categoryCode: string;
  @IsString() @Length(1, DESCRIPTION_MAX) description: string;
  /** Overrides the category's urgency class, e.g. a leak flooding a flat is an emergency. */
  @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @IsOptional() @ValidateNested() @Type(() => WindowDto) preferredWindow?: WindowDto;
  @IsOptional() @IsString() @Length(1, 64) chosenProviderId?: string;
  /** The call it is taken on (the screen pop's callId), so the call log lists it. */
  @IsOptional() @IsUUID() callId?: string;
  /** For a consultation answered on the spot: the answer given; the request is then closed. */
  @IsOptional() @IsString() @Length(1, DESCRIPTION_MAX) answer?: string;
}

export class ListRequestsQuery {
  @IsOptional() @IsIn(REQUEST_STATUSES) status?: RequestStatus;
  @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'community must be a community code' }) community?: string;
  /** `true`: only requests of households made from a report and not yet verified; `false`: none of them. */
  @IsOptional() @IsIn(['true', 'false']) provisional?: 'true' | 'false';
}

export class CancelDto {
  @IsIn(CANCELLED_BY.filter((b) => b !== 'admin')) by: 'resident' | 'agent';
  @IsString() @Length(1, 500) reason: string;
}

export class ReopenDto {
  @IsString() @Length(1, 500) reason: string;
}

export class FollowUpDto {
  /** Whether the resident says the problem is fixed. */
  @IsBoolean() solved: boolean;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class SignOffDto {
  @Matches(/^\d{6}$/, { message: 'code must be the six digits the resident gave you' }) code: string;
  @IsBoolean() solved: boolean;
}
