import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

export const PARTNER_UNIT_STATUSES = ['applied', 'verified', 'active', 'suspended', 'retired'] as const;
export type PartnerUnitStatus = (typeof PARTNER_UNIT_STATUSES)[number];

/** A partner unit moved through its lifecycle; every move has a reason and someone who made it. */
export class UnitStatusChangedV1 {
  @IsString() @Length(1, 64) unitId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsOptional() @IsIn(PARTNER_UNIT_STATUSES) from: PartnerUnitStatus | null;
  @IsIn(PARTNER_UNIT_STATUSES) to: PartnerUnitStatus;
  @IsString() @Length(1, 500) reason: string;
  /** The staff member's id, or `system`. */
  @IsString() @Length(1, 64) by: string;
  @IsISO8601() at: string;
}

/** The inputs of the credibility score, each a fraction in 0..1 over `samples` facts. */
export class CreditComponentV1 {
  @IsNumber() @Min(0) @Max(1) rate: number;
  @IsInt() @Min(0) samples: number;
}

export class CreditComponentsV1 {
  @ValidateNested() @Type(() => CreditComponentV1) acceptance: CreditComponentV1;
  @ValidateNested() @Type(() => CreditComponentV1) onTime: CreditComponentV1;
  @ValidateNested() @Type(() => CreditComponentV1) satisfaction: CreditComponentV1;
  @ValidateNested() @Type(() => CreditComponentV1) complaints: CreditComponentV1;
  @ValidateNested() @Type(() => CreditComponentV1) redo: CreditComponentV1;
}

/** The unit's published credibility score (信誉度), 0..100, and what it was computed from. */
export class CreditUpdatedV1 {
  @IsString() @Length(1, 64) unitId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsNumber() @Min(0) @Max(100) score: number;
  @ValidateNested() @Type(() => CreditComponentsV1) components: CreditComponentsV1;
  @IsISO8601() asOf: string;
  @IsInt() @Min(1) version: number;
}

export const UNIT_FLAG_REASONS = ['low_credit', 'charged_free_household'] as const;

/** Something about a unit that admins in its scope must review. */
export class UnitFlaggedV1 {
  @IsString() @Length(1, 64) unitId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsIn(UNIT_FLAG_REASONS) reason: (typeof UNIT_FLAG_REASONS)[number];
  @IsString() @Length(1, 500) detail: string;
  /** The job concerned, when one is. */
  @IsOptional() @IsUUID() requestId?: string;
  @IsISO8601() at: string;
}

/** A webhook message was given up after its last retry: the unit's admins are told through this. */
export class WebhookDeliveryFailedV1 {
  @IsUUID() deliveryId: string;
  @IsString() @Length(1, 64) messageId: string;
  @IsString() @Length(1, 64) unitId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsUUID() endpointId: string;
  @IsString() @Length(1, 64) eventType: string;
  @IsInt() @Min(1) attempts: number;
  @IsOptional() @IsString() @MaxLength(500) lastError?: string;
  @IsISO8601() at: string;
}

export const ENDPOINT_DISABLED_BECAUSE = ['gone', 'failing'] as const;

/** An endpoint stopped receiving: it answered 410 Gone, or kept failing for days. */
export class WebhookEndpointDisabledV1 {
  @IsUUID() endpointId: string;
  @IsString() @Length(1, 64) unitId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsIn(ENDPOINT_DISABLED_BECAUSE) because: (typeof ENDPOINT_DISABLED_BECAUSE)[number];
  @IsISO8601() at: string;
}

const source = '/bangbang/merchant';
const topic = TOPICS.merchant;
export const UnitStatusChanged = defineEvent({
  type: 'bangbang.merchant.unit-status-changed.v1',
  topic,
  source,
  payload: UnitStatusChangedV1,
});
export const CreditUpdated = defineEvent({ type: 'bangbang.merchant.credit-updated.v1', topic, source, payload: CreditUpdatedV1 });
export const UnitFlagged = defineEvent({ type: 'bangbang.merchant.unit-flagged.v1', topic, source, payload: UnitFlaggedV1 });
export const WebhookDeliveryFailed = defineEvent({
  type: 'bangbang.merchant.webhook-delivery-failed.v1',
  topic,
  source,
  payload: WebhookDeliveryFailedV1,
});
export const WebhookEndpointDisabled = defineEvent({
  type: 'bangbang.merchant.webhook-endpoint-disabled.v1',
  topic,
  source,
  payload: WebhookEndpointDisabledV1,
});
