import { controllersOf, dtoRuleGaps, httpDtos, ServiceDefinition } from '@bangbang/platform';
import { dispatchService } from '../../dispatch/src/dispatch.service-definition';
import { merchantService } from '../../merchant/src/merchant.service-definition';
import { ratingService } from '../../rating/src/rating.service-definition';
import { Open311CreateDto } from '../../request/src/open311/open311.dto';
import { requestService } from '../../request/src/request.service-definition';
import { volunteerService } from '../../volunteer/src/volunteer.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

const SERVICES: ServiceDefinition[] = [gatewayService, requestService, dispatchService, merchantService, volunteerService, ratingService];

/** Every DTO a client's body, query or path reaches, in every service: the sweep of issue 11, kept. */
describe.each(SERVICES.map((s) => [s.name, s] as const))('the DTOs of the %s service', (_, service) => {
  const dtos = httpDtos(controllersOf(service.module({ BANGBANG_DEV: '1' })));

  it('are found', () => {
    expect(dtos.length).toBeGreaterThan(2);
  });

  it('bound every string, list and number, type every nested value, and take only readable dates', () => {
    expect(dtos.flatMap(dtoRuleGaps)).toEqual([]);
  });
});

it('holds for the DTOs a service validates by hand', () => {
  expect([Open311CreateDto].flatMap(dtoRuleGaps)).toEqual([]);
});
