import { Module } from '@nestjs/common';
import { StatusController } from './status.controller';
import { StatusLinks } from './status-links';

@Module({ controllers: [StatusController], providers: [StatusLinks], exports: [StatusLinks] })
export class StatusModule {}
