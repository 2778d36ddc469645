import { Module } from '@nestjs/common';
import { AuditEventsHandler } from './audit-events.handler';
import { AuditController } from './audit.controller';

@Module({ controllers: [AuditController, AuditEventsHandler] })
export class AuditModule {}
