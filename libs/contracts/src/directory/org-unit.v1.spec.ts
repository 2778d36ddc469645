import { createEvent } from '../cloud-event';
import { validateEvent } from '../registry';
import { UnitCreated } from './org-unit.v1';

const unit = (data: object) => createEvent('/bangbang/gateway', { type: UnitCreated.type, subject: 'x', data });

describe('org unit contract', () => {
  it('lets a district have no parent', () => {
    const district = {
      code: 'nanchang',
      level: 'district',
      path: '/nanchang/',
      nameZh: '南长区',
      namePinyin: 'Nanchang Qu',
      status: 'active',
    };
    expect(() => validateEvent(unit(district), UnitCreated)).not.toThrow();
  });

  it('refuses a community without its street', () => {
    const orphan = {
      code: 'jincheng',
      level: 'community',
      path: '/nanchang/jinxing/jincheng/',
      nameZh: '金城社区',
      namePinyin: 'Jincheng',
      status: 'active',
    };
    expect(() => validateEvent(unit(orphan), UnitCreated)).toThrow(/data\.parentCode/);
  });

  it('refuses a path without its trailing slash, which would make /a/b a prefix of /a/bc', () => {
    const bad = { code: 'nanchang', level: 'district', path: '/nanchang', nameZh: '南长区', namePinyin: 'Nanchang Qu', status: 'active' };
    expect(() => validateEvent(unit(bad), UnitCreated)).toThrow(/data\.path/);
  });
});
