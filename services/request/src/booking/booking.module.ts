import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { BookingController } from './booking.controller';
import { BookingService } from './booking.service';

@Module({ imports: [RequestsModule], controllers: [BookingController], providers: [BookingService] })
export class BookingModule {}
