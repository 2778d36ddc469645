import { FEE_POLICIES, type FeePolicy, URGENCIES, type Urgency } from '@bangbang/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export class CreateRequestDto {
  @IsString() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'communityId must be a community code' })
  communityId: string;

  @Matches(/^(\/[a-z0-9-]+)+\/$/, { message: 'orgPath must be the community path, like /district/street/community/' })
  orgPath: string;

  @IsString() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'categoryCode must be a category code' })
  categoryCode: string;

  @IsIn(URGENCIES) urgency: Urgency;
  @IsIn(FEE_POLICIES) feePolicy: FeePolicy;
  @IsString() @Length(1, 2000) description: string;
}
