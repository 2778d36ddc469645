import { IsString, Length } from 'class-validator';

/** An admin's decision on a change the unit asked for, with why. */
export class ReviewDto {
  @IsString() @Length(1, 500) reason: string;
}
