import { Module } from '@nestjs/common';
import { PublicTeamsController } from './public-teams.controller';
import { RatingEventsHandler } from './rating-events.handler';
import { TeamsController } from './teams.controller';

@Module({ controllers: [TeamsController, PublicTeamsController, RatingEventsHandler] })
export class TeamsModule {}
