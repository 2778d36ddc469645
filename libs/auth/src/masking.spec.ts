import { canSeeUnmasked, maskAddress, maskPhone } from './masking';
import type { Principal } from './principal';

const staff = (role: Principal['role'], orgPath = '/nanchang/jinxing/'): Principal => ({
  id: 'u1',
  kind: 'staff',
  role,
  org: orgPath.split('/').at(-2)!,
  orgPath,
  name: 'x',
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['051082345678', '051*****5678'],
    ['12345', '*****'],
  ])('%s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('passes absent values through', () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskAddress', () => {
  it.each([
    ['无锡市梁溪区金星街道金城社区12栋3单元502室', '金城社区12栋****'],
    ['金城社区8号楼2单元101', '金城社区8号楼****'],
    ['金城社区东区菜场旁', '金城社区****'],
    ['somewhere unknown', '****'],
  ])('%s → %s', (address, masked) => expect(maskAddress(address)).toBe(masked));
});

describe('canSeeUnmasked', () => {
  const inJincheng = { purpose: 'follow-up call', orgPath: '/nanchang/jinxing/jincheng/' };

  it.each(['agent', 'district_admin', 'street_admin', 'community_admin'] as const)('lets %s see data in scope with a purpose', (role) => {
    const orgPath =
      role === 'community_admin' ? '/nanchang/jinxing/jincheng/' : role === 'street_admin' ? '/nanchang/jinxing/' : '/nanchang/';
    expect(canSeeUnmasked(staff(role, orgPath), inJincheng)).toBe(true);
  });

  it('never lets an auditor see it', () => {
    expect(canSeeUnmasked(staff('auditor', '/nanchang/'), inJincheng)).toBe(false);
  });

  it('refuses without a purpose', () => {
    expect(canSeeUnmasked(staff('agent', '/nanchang/'), { orgPath: inJincheng.orgPath, purpose: '  ' })).toBe(false);
  });

  it('refuses outside the scope', () => {
    expect(canSeeUnmasked(staff('community_admin', '/nanchang/jinxing/yinxiu/'), inJincheng)).toBe(false);
  });

  it('refuses non-staff principals', () => {
    expect(canSeeUnmasked({ ...staff('agent', '/nanchang/'), kind: 'merchant', role: 'merchant' }, inJincheng)).toBe(false);
  });
});
