import { UNIT_CODE } from '@bangbang/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';

const PINYIN = /^[A-Za-z][A-Za-z' -]*$/;

export class CreateUnitDto {
  @Matches(UNIT_CODE, { message: 'code must be a lowercase slug of 2 to 32 characters, starting with a letter' })
  code: string;
  @IsIn(['street', 'community']) level: 'street' | 'community';
  @Matches(UNIT_CODE, { message: 'parentCode must be a unit code' }) parentCode: string;
  @IsString() @Length(1, 64) nameZh: string;
  @IsString() @Length(1, 128) @Matches(PINYIN, { message: 'namePinyin must be latin letters' }) namePinyin: string;
}

export class RenameUnitDto {
  @IsString() @Length(1, 64) nameZh: string;
  @IsString() @Length(1, 128) @Matches(PINYIN, { message: 'namePinyin must be latin letters' }) namePinyin: string;
}

export class RetireUnitDto {
  @IsString() @Length(1, 500) reason: string;
}
