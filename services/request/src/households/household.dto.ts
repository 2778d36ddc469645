import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBooleanString,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CONTACT_METHODS, type ContactMethod, RESIDENT_TAGS, type ResidentTag } from './resident.entity';
import { PHONE_SUFFIX } from '@bangbang/contracts';

export class ResidentDto {
  @IsString() @Length(1, 64) name: string;
  /** Checked and normalised by the service, which names the offending entry. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsString({ each: true }) @MaxLength(32, { each: true }) phones: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(RESIDENT_TAGS.length) @IsIn(RESIDENT_TAGS, { each: true }) tags?: ResidentTag[];
  @IsOptional() @IsIn(CONTACT_METHODS) preferredContact?: ContactMethod;
}

export class CreateHouseholdDto {
  @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'communityCode must be a community code' }) communityCode: string;
  @IsString() @Length(4, 200) address: string;
  @IsOptional() @IsNumber() @IsLatitude() lat?: number;
  @IsOptional() @IsNumber() @IsLongitude() lng?: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ResidentDto) residents: ResidentDto[];
}

/** Confirms a household made from a report; every field given corrects what the report said. */
export class VerifyHouseholdDto {
  @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,31}$/, { message: 'communityCode must be a community code' }) communityCode?: string;
  @IsOptional() @IsString() @Length(4, 200) address?: string;
  @IsOptional() @IsLatitude() lat?: number;
  @IsOptional() @IsLongitude() lng?: number;
  /** The name of the one resident the report brought (the reporter), in place of 待核实. */
  @IsOptional() @IsString() @Length(1, 64) residentName?: string;
}

export class CallerQuery {
  @ValidateIf((q: CallerQuery) => q.suffix === undefined) @IsString() @MaxLength(32) phone?: string;
  @IsOptional() @Matches(PHONE_SUFFIX, { message: 'suffix must be the last 4 to 11 digits of a number' }) suffix?: string;
}

export class HouseholdReadQuery {
  @IsOptional() @IsBooleanString() unmasked?: string;
  @IsOptional() @IsString() @MaxLength(200) purpose?: string;
}
