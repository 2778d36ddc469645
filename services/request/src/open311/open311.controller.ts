import { Public } from '@bangbang/auth';
import { AcceptsForm } from '@bangbang/platform';
import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311Created, Open311Discovery, Open311Request, Open311ServiceDef, Open311ServiceDefinition } from './open311-format';
import { Open311CreateDto, Open311ListQuery, Open311OneQuery, Open311ServicesQuery } from './open311.dto';
import { Open311Service } from './open311.service';

const json = (file: string): string => {
  if (!file.endsWith('.json')) throw new NotFoundException('only the .json format is served');
  return file.slice(0, -'.json'.length);
};

/**
 * GeoReport v2 at /open311/v2. Public at this service (and at the gateway): creating a request
 * needs the client's api_key; reading shows only what a stranger may see.
 */
@Controller('open311/v2')
@Public()
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.json')
  discovery(): Open311Discovery {
    return this.open311.discovery();
  }

  @Get('services.json')
  services(@Query() q: Open311ServicesQuery): Promise<Open311ServiceDef[]> {
    return this.open311.services(q.jurisdiction_id);
  }

  @Get('services/:file')
  definition(@Param('file') file: string): Promise<Open311ServiceDefinition> {
    return this.open311.definition(json(file));
  }

  @Post('requests.json')
  @AcceptsForm()
  @HttpCode(201)
  @ApiBody({
    type: Open311CreateDto,
    description:
      "Form-encoded (or JSON). Besides these fields, the answers to the service's attributes (see services/{service_code}.json) as `attribute[code]`, and `attribute[code][]` for each value of a multivaluelist.",
  })
  // Taken whole: the `attribute[...]` answers are split off before the rest is validated as an Open311CreateDto.
  create(@Body() body: Record<string, unknown>): Promise<Open311Created[]> {
    return this.open311.create(body ?? {});
  }

  @Get('requests.json')
  list(@Query() q: Open311ListQuery): Promise<Open311Request[]> {
    return this.open311.list(q);
  }

  @Get('requests/:file')
  one(@Param('file') file: string, @Query() q: Open311OneQuery): Promise<Open311Request[]> {
    return this.open311.one(json(file), q);
  }
}
