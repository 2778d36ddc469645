import { IsString, Length } from 'class-validator';

export class LoginDto {
  @IsString() @Length(1, 64) username: string;
  @IsString() @Length(1, 256) password: string;
}

export class RefreshDto {
  @IsString() @Length(10, 200) refreshToken: string;
}
