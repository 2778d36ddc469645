import { Module } from '@nestjs/common';
import { FollowUpClock } from './follow-up-clock';
import { FollowUpsController } from './follow-ups.controller';

@Module({ controllers: [FollowUpsController], providers: [FollowUpClock], exports: [FollowUpClock] })
export class FollowUpsModule {}
