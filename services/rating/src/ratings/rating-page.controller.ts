import { Public } from '@bangbang/auth';
import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { RATING_PAGE, RATING_PAGE_SCRIPT } from './rating-page';

const CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'";

@Controller('public')
@Public()
export class RatingPageController {
  @Get('rate/:requestId')
  @Header('content-type', 'text/html; charset=utf-8')
  // The token rides in the query string: no Referer may carry it onward, and no cache may keep it.
  @Header('referrer-policy', 'no-referrer')
  @Header('cache-control', 'no-store')
  @Header('content-security-policy', CSP)
  page(@Param('requestId', new ParseUUIDPipe()) _requestId: string): string {
    return RATING_PAGE;
  }

  @Get('rating-page.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  script(): string {
    return RATING_PAGE_SCRIPT;
  }
}
