import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { ratingService } from './rating.service-definition';

void runService(ratingService);
