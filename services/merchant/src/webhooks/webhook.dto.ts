import { IsDateTime } from '@bangbang/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from './webhook-payloads';

export class CreateEndpointDto {
  /** https on 443; the SSRF guard checks it here and again at every connection. */
  @IsString() @MaxLength(2_000) url: string;
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  /** Defaults to every type. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];
}

export class DeliveriesQuery {
  @IsOptional() @IsIn(['pending', 'delivered', 'failed']) status?: 'pending' | 'delivered' | 'failed';
  @IsOptional() @IsDateTime() since?: string;
  @IsOptional() @IsUUID() endpointId?: string;
}

export class ReplayDto {
  /** Replays every failed delivery created at or after this time. */
  @IsDateTime() since: string;
}

export class UnitDeliveryParams {
  @IsUUID() id: string;
  @IsUUID() deliveryId: string;
}
