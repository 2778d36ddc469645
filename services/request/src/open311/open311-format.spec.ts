import type { Category } from '../catalogue/category.entity';
import { open311Errors, open311Status, toRequest, toService } from './open311-format';

describe('Open311 format', () => {
  const category: Category = {
    code: 'pipe-unclogging', nameZh: '管道疏通', nameEn: 'Pipe unclogging', kind: 'home_service', urgency: 'utilities',
    groupCode: 'home', description: 'Blocked drains', sort: 2,
  };

  it('lists a category as a GeoReport service', () => {
    expect(toService(category)).toEqual({
      service_code: 'pipe-unclogging', service_name: '管道疏通', description: 'Blocked drains', metadata: false, type: 'realtime', keywords: 'Pipe unclogging', group: 'home',
    });
  });

  it.each([
    ['dispatching', 'open'],
    ['completed', 'open'],
    ['signed_off', 'closed'],
    ['cancelled', 'closed'],
  ] as const)('maps %s to %s', (status, expected) => expect(open311Status(status)).toBe(expected));

  it('shows the description and location only to the client that filed the request', () => {
    const facts = {
      number: 'R20261125-000001', status: 'assigned' as const, categoryCode: 'pipe-unclogging', categoryName: '管道疏通', description: 'Sink blocked',
      receivedAt: new Date('2026-11-25T08:00:00Z'), updatedAt: new Date('2026-11-25T09:00:00Z'), resolutionDueAt: new Date('2026-11-26T08:00:00Z'),
      householdId: 'h1', maskedAddress: '金城社区12栋****', lat: 31.5, lng: 120.3, providerName: '李师傅水电',
    };
    expect(toRequest(facts, true)).toMatchObject({ service_request_id: 'R20261125-000001', status: 'open', status_notes: 'assigned', description: 'Sink blocked', lat: 31.5, long: 120.3, address_id: 'h1' });
    expect(toRequest(facts, false)).toMatchObject({ description: null, lat: null, long: null, address_id: null, address: '金城社区12栋****' });
  });

  it('writes errors as an array of code and description', () => {
    expect(open311Errors(400, ['service_code: unknown'])).toEqual([{ code: 400, description: 'service_code: unknown' }]);
  });
});
