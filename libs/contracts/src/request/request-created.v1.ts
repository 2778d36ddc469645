import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

export const URGENCIES = ['emergency', 'utilities', 'general', 'complex'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const FEE_POLICIES = ['free', 'low_cost'] as const;
export type FeePolicy = (typeof FEE_POLICIES)[number];

export const REQUEST_KINDS = ['home_service', 'consultation'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export class TimeWindow {
  @IsISO8601() from: string;
  @IsISO8601() to: string;
}

export class GeoPoint {
  @IsLatitude() lat: number;
  @IsLongitude() lng: number;
}

/** What every version of `request.created` says about a request taken at intake. */
export class RequestCreatedFacts {
  @IsUUID() requestId: string;
  @IsString() @Length(1, 32) number: string;
  /** Community code, and its org path (`/district/street/community/`) for scoping and coverage. */
  @IsString() @Length(1, 64) communityId: string;
  @Matches(/^(\/[a-z0-9-]+)+\/$/) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsIn(REQUEST_KINDS) kind: RequestKind;
  @IsIn(URGENCIES) urgency: Urgency;
  @IsIn(FEE_POLICIES) feePolicy: FeePolicy;
  /** Deadlines fixed at intake from the category's urgency class, so every service counts alike. */
  @IsISO8601() responseDueAt: string;
  @IsISO8601() resolutionDueAt: string;
  @IsOptional() @ValidateNested() @Type(() => TimeWindow) preferredWindow?: TimeWindow;
  @IsOptional() @IsString() chosenProviderId?: string;
  @IsISO8601() receivedAt: string;
}

/**
 * A resident's request was taken at intake. No longer produced: it carried the household's exact
 * position and the resident's own words to every service and, through offers, to every provider
 * offered the job. Consumers still accept it for events already on the topic; see v2.
 */
export class RequestCreatedV1 extends RequestCreatedFacts {
  @IsOptional() @ValidateNested() @Type(() => GeoPoint) location?: GeoPoint;
  @IsOptional() @IsString() @MaxLength(2000) summary?: string;
}

export const RequestCreated = defineEvent({
  type: 'bangbang.request.created.v1',
  topic: TOPICS.request,
  source: '/bangbang/request',
  payload: RequestCreatedV1,
});
