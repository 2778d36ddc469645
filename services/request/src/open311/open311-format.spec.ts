import type { Category } from '../catalogue/category.entity';
import { open311Errors, open311Status, toClientRequest, toPublicRequest, toService } from './open311-format';

describe('Open311 format', () => {
  const category: Category = {
    code: 'pipe-unclogging',
    nameZh: '管道疏通',
    nameEn: 'Pipe unclogging',
    kind: 'home_service',
    urgency: 'utilities',
    groupCode: 'home',
    description: 'Blocked drains',
    sort: 2,
    publicListing: true,
    attributes: [],
  };

  it('lists a category as a GeoReport service', () => {
    expect(toService(category)).toEqual({
      service_code: 'pipe-unclogging',
      service_name: '管道疏通',
      description: 'Blocked drains',
      metadata: false,
      type: 'realtime',
      keywords: 'Pipe unclogging',
      group: 'home',
    });
    const floor = {
      variable: true,
      code: 'floor',
      datatype: 'number' as const,
      required: false,
      datatype_description: null,
      order: 1,
      description: '几楼？',
    };
    expect(toService({ ...category, attributes: [floor] }).metadata).toBe(true);
  });

  it.each([
    ['dispatching', 'open'],
    ['completed', 'open'],
    ['signed_off', 'closed'],
    ['cancelled', 'closed'],
  ] as const)('maps %s to %s', (status, expected) => expect(open311Status(status)).toBe(expected));

  const facts = {
    number: 'R20261125-000001',
    status: 'assigned' as const,
    categoryCode: 'pipe-unclogging',
    categoryName: '管道疏通',
    description: 'Sink blocked',
    receivedAt: new Date('2026-11-25T08:00:00Z'),
    updatedAt: new Date('2026-11-25T09:00:00Z'),
    resolutionDueAt: new Date('2026-11-26T08:00:00Z'),
    householdId: 'h1',
    unitName: '金城社区',
    maskedAddress: '金城社区12栋****',
    lat: 31.5,
    lng: 120.3,
    providerKind: 'volunteer' as const,
    providerName: '张建国',
  };

  it('shows the filing client the description, building, coordinates and who is coming', () => {
    expect(toClientRequest(facts)).toMatchObject({
      service_request_id: 'R20261125-000001',
      status: 'open',
      status_notes: 'assigned',
      description: 'Sink blocked',
      lat: 31.5,
      long: 120.3,
      address_id: 'h1',
      address: '金城社区12栋****',
      agency_responsible: '张建国',
    });
  });

  it('shows a stranger the community only, and no volunteer by name', () => {
    expect(toPublicRequest(facts)).toMatchObject({
      description: null,
      lat: null,
      long: null,
      address_id: null,
      address: '金城社区',
      agency_responsible: '志愿者',
    });
    expect(toPublicRequest({ ...facts, providerKind: 'merchant', providerName: '李师傅水电' }).agency_responsible).toBe('李师傅水电');
    expect(Object.keys(toPublicRequest(facts)).sort()).toEqual(Object.keys(toClientRequest(facts)).sort());
  });

  it('writes errors as an array of code and description', () => {
    expect(open311Errors(400, ['service_code: unknown'])).toEqual([{ code: 400, description: 'service_code: unknown' }]);
  });
});
