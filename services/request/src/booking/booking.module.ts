import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { StatusModule } from '../status/status.module';
import { BookingController } from './booking.controller';
import { BookingService } from './booking.service';

@Module({ imports: [RequestsModule, StatusModule], controllers: [BookingController], providers: [BookingService] })
export class BookingModule {}
