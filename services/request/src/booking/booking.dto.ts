import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DESCRIPTION_MAX, WindowDto } from '../requests/request.dto';

/** The phone's spelling is checked and normalised by the service, which names the field. */
export class VerificationRequestDto {
  @IsString() @MaxLength(32) phone: string;
}

export class BookingDto {
  @IsString() @MaxLength(32) phone: string;
  @Matches(/^\d{6}$/, { message: 'code must be the six digits sent by SMS' }) code: string;
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'categoryCode must be a category code' }) categoryCode: string;
  @IsString() @Length(1, DESCRIPTION_MAX) description: string;
  @IsOptional() @ValidateNested() @Type(() => WindowDto) preferredWindow?: WindowDto;
  /** The provider the resident chose from the directory; dispatch offers it the job first if it can take it. */
  @IsOptional() @IsString() @Length(1, 64) chosenProviderId?: string;
  /** Which of the resident's households, when the phone is registered at several. */
  @IsOptional() @IsUUID() householdId?: string;
}
