import { Principal, PrincipalKind, Role, StaffRole, STAFF_ROLES } from '@bangbang/auth';
import { UNIT_CODE } from '@bangbang/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateUserDto {
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3 to 64 lowercase letters, digits, dots, dashes or underscores' })
  username: string;
  @IsString() @Length(10, 256, { message: 'password must be at least 10 characters' }) password: string;
  @IsString() @Length(1, 64) displayName: string;
  @IsOptional() @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mainland mobile number' }) phone?: string;
  @IsIn(STAFF_ROLES) role: StaffRole;
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' }) unitCode: string;
}

export class UserReadDto {
  /** Unmasked contact data is served only on explicit request, with a purpose, and audited. */
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unmasked?: boolean;
  @IsOptional() @IsString() @Length(1, 200) purpose?: string;
}

export class UserView {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  phoneMasked: boolean;
  role: StaffRole;
  unitCode: string;
  orgPath: string;
  status: 'active' | 'disabled';
  createdAt: Date;
}

/** Who the bearer of the token is, as the token says. */
export class PrincipalView implements Principal {
  id: string;
  kind: PrincipalKind;
  role: Role;
  org: string;
  orgPath: string;
  name: string;
  credential?: string;
  scopes?: string[];
}
