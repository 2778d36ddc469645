import { defineEvent } from '@bangbang/contracts';
import { IsIn, IsInt, IsOptional } from 'class-validator';

/** A test-only event: `poison` makes the fixture's handler throw on every attempt. */
export class PingV1 {
  @IsInt() n: number;
  @IsOptional() @IsIn(['poison']) mode?: 'poison';
}

export const Ping = defineEvent({
  type: 'bangbang.test.ping.v1',
  topic: 'bangbang.test',
  source: '/bangbang/test',
  payload: PingV1,
});
