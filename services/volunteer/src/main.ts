import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { volunteerService } from './volunteer.service-definition';

void runService(volunteerService);
