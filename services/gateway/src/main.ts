import 'reflect-metadata';
import { runService } from '@bangbang/platform';
import { gatewayService } from './gateway.service-definition';

void runService(gatewayService);
