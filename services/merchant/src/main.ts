import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { merchantService } from './merchant.service-definition';

void runService(merchantService);
