import { Public } from '@bangbang/auth';
import { Controller, Get, GoneException, Header, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Category } from '../catalogue/category.entity';
import { ServiceRequest, TimelineEntry } from '../requests/service-request.entity';
import { PublicStatusView, StatusQuery } from './status.dto';
import { StatusLinks } from './status-links';

const NOT_THIS_LINK = 'token: this link does not open this request; use the whole link from the SMS';

/** `GET /public/requests/:id/status?token=…`: the page behind the link texted after an online booking. */
@Controller('public/requests')
@Public()
export class StatusController {
  constructor(
    private readonly ds: DataSource,
    private readonly links: StatusLinks,
  ) {}

  @Get(':id/status')
  // The token rides in the query string: no cache may keep the answer.
  @Header('cache-control', 'no-store')
  async status(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: StatusQuery): Promise<PublicStatusView> {
    const check = this.links.check(id, q.token);
    if (check === 'invalid') throw new NotFoundException(NOT_THIS_LINK);
    if (check === 'expired') throw new GoneException('token: this link has expired; call the hotline to ask about the request');
    const r = await this.ds.manager.findOneBy(ServiceRequest, { id });
    if (!r) throw new NotFoundException(NOT_THIS_LINK);
    const [category, steps] = await Promise.all([
      this.ds.manager.findOneBy(Category, { code: r.categoryCode }),
      this.ds.manager.find(TimelineEntry, { where: { requestId: id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    return {
      number: r.number,
      status: r.status,
      categoryName: category?.nameZh ?? r.categoryCode,
      receivedAt: r.receivedAt.toISOString(),
      preferredWindow: r.preferredFrom && r.preferredTo ? { from: r.preferredFrom.toISOString(), to: r.preferredTo.toISOString() } : null,
      providerName: r.providerName,
      steps: steps.filter((s) => s.fromStatus !== s.toStatus).map((s) => ({ status: s.toStatus, at: s.at.toISOString() })),
    };
  }
}
