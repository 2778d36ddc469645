import { Public } from '@bangbang/auth';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { BookingDto, VerificationRequestDto } from './booking.dto';
import { BookingLimitReached, BookingService } from './booking.service';

interface Reply {
  header(name: string, value: string): Reply;
}

/** The residents' booking site (public at the gateway): a code by SMS, then the booking with it. */
@Controller('public/bookings')
@Public()
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  /** 202 with the same body whether or not the phone is registered: nobody learns who is. */
  @Post('verification')
  @HttpCode(202)
  verification(@Body() dto: VerificationRequestDto, @Res({ passthrough: true }) reply: Reply) {
    return withRetryAfter(reply, this.booking.sendCode(dto.phone));
  }

  /** 201 with the request number and status only. */
  @Post()
  @HttpCode(201)
  book(@Body() dto: BookingDto, @Res({ passthrough: true }) reply: Reply) {
    return withRetryAfter(reply, this.booking.book(dto));
  }
}

async function withRetryAfter<T>(reply: Reply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof BookingLimitReached) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((err.until.getTime() - Date.now()) / 1_000))));
    }
    throw err;
  }
}
