import { Module } from '@nestjs/common';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({ controllers: [RequestsController], providers: [RequestsService] })
export class RequestsModule {}
