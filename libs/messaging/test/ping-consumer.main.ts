import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { pingService } from './ping.app';

void runService(pingService);
