import { Module } from '@nestjs/common';
import { ScorecardsController } from './scorecards.controller';

@Module({ controllers: [ScorecardsController] })
export class ScorecardsModule {}
