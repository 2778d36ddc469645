import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller';
import { RatingPageController } from './rating-page.controller';
import { PublicRatingsController, RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({
  controllers: [RatingsController, PublicRatingsController, RatingPageController, CommentsController],
  providers: [RatingsService],
})
export class RatingsModule {}
