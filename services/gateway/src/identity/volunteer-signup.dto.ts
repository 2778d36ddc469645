import { UNIT_CODE } from '@bangbang/contracts';
import { IsString, Length, Matches } from 'class-validator';

export class VolunteerSignupDto {
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3 to 64 lowercase letters, digits, dots, dashes or underscores' })
  username: string;
  @IsString() @Length(10, 256, { message: 'password must be at least 10 characters' }) password: string;
  @IsString() @Length(1, 64) displayName: string;
  @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mainland mobile number' }) phone: string;
  /** The volunteer's home community: the scope of their tokens and where they apply. */
  @Matches(UNIT_CODE, { message: 'communityCode must be a community code' }) communityCode: string;
}
