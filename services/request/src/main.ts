import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { requestService } from './request.service-definition';

void runService(requestService);
