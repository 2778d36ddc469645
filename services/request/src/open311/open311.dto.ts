import { IsDateTime } from '@bangbang/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { DESCRIPTION_MAX } from '../requests/request.dto';
import { MAX_PAGE_SIZE } from './open311-query';

/** POST requests.json, form-encoded. `attribute[...]` entries are taken off before validation. */
export class Open311CreateDto {
  @IsString() @Length(1, 200) api_key: string;
  @IsOptional() @IsString() @MaxLength(64) jurisdiction_id?: string;
  @IsString() @Length(1, 64) service_code: string;
  @IsOptional() @IsNumberString() @MaxLength(32) lat?: string;
  @IsOptional() @IsNumberString() @MaxLength(32) long?: string;
  @IsOptional() @IsString() @MaxLength(200) address_string?: string;
  /** The household id, as given back in address_id. */
  @IsOptional() @IsUUID() address_id?: string;
  @IsOptional() @IsString() @MaxLength(200) email?: string;
  @IsOptional() @IsString() @MaxLength(200) device_id?: string;
  @IsOptional() @IsString() @MaxLength(200) account_id?: string;
  @IsOptional() @IsString() @MaxLength(64) first_name?: string;
  @IsOptional() @IsString() @MaxLength(64) last_name?: string;
  @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @IsOptional() @IsString() @Length(1, DESCRIPTION_MAX) description?: string;
  @IsOptional() @IsString() @MaxLength(500) media_url?: string;
}

export class Open311ListQuery {
  @IsOptional() @IsString() @MaxLength(200) api_key?: string;
  @IsOptional() @IsString() @MaxLength(64) jurisdiction_id?: string;
  @IsOptional()
  @Matches(/^R\d{8}-\d{6,}(,R\d{8}-\d{6,}){0,99}$/, { message: 'service_request_id must be request numbers separated by commas' })
  service_request_id?: string;
  @IsOptional() @IsString() @MaxLength(64) service_code?: string;
  @IsOptional() @IsDateTime() start_date?: string;
  @IsOptional() @IsDateTime() end_date?: string;
  @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  /** Paging is not in GeoReport v2 itself; `page`/`page_size` is the common extension. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) page_size?: number;
}

export class Open311OneQuery {
  @IsOptional() @IsString() @MaxLength(200) api_key?: string;
  @IsOptional() @IsString() @MaxLength(64) jurisdiction_id?: string;
}

export class Open311ServicesQuery {
  @IsOptional() @IsString() @MaxLength(64) jurisdiction_id?: string;
}
