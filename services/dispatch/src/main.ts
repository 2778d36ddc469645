import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { dispatchService } from './dispatch.service-definition';

void runService(dispatchService);
