import type { Principal, StaffRole } from '@bangbang/auth';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../services/gateway/src/audit/audit-log';
import { DirectoryService } from '../../services/gateway/src/directory/directory.service';
import { OrgUnit } from '../../services/gateway/src/directory/org-unit.entity';
import { UsersService } from '../../services/gateway/src/identity/users.service';

const DISTRICT = { code: 'nanchang', nameZh: '南长区', namePinyin: 'Nanchang Qu' };

const STREETS = [
  { code: 'jinxing', nameZh: '金星街道', namePinyin: 'Jinxing Jiedao' },
  { code: 'yangming', nameZh: '扬名街道', namePinyin: 'Yangming Jiedao' },
  { code: 'qingmingqiao', nameZh: '清名桥街道', namePinyin: 'Qingmingqiao Jiedao' },
  { code: 'nanchansi', nameZh: '南禅寺街道', namePinyin: 'Nanchansi Jiedao' },
  { code: 'yinglongqiao', nameZh: '迎龙桥街道', namePinyin: 'Yinglongqiao Jiedao' },
  { code: 'jinkui', nameZh: '金匮街道', namePinyin: 'Jinkui Jiedao' },
];

/** Jincheng, where the help team started, and the five neighbours it spread to first. */
const JINXING_COMMUNITIES = [
  { code: 'jincheng', nameZh: '金城社区', namePinyin: 'Jincheng Shequ' },
  { code: 'huaigu', nameZh: '槐古社区', namePinyin: 'Huaigu Shequ' },
  { code: 'jinle', nameZh: '金乐社区', namePinyin: 'Jinle Shequ' },
  { code: 'jinnan', nameZh: '金南社区', namePinyin: 'Jinnan Shequ' },
  { code: 'jinhai', nameZh: '金海社区', namePinyin: 'Jinhai Shequ' },
  { code: 'yuemin', nameZh: '跃民社区', namePinyin: 'Yuemin Shequ' },
];

export interface DemoLogin {
  username: string;
  password: string;
  role: StaffRole;
  unitCode: string;
  displayName: string;
  phone: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'district.admin', role: 'district_admin', unitCode: 'nanchang', displayName: '区管理员 周敏', phone: '13800000001' },
  { username: 'jinxing.admin', role: 'street_admin', unitCode: 'jinxing', displayName: '街道管理员 陈刚', phone: '13800000002' },
  { username: 'jincheng.admin', role: 'community_admin', unitCode: 'jincheng', displayName: '社区管理员 王芳', phone: '13800000003' },
  { username: 'hotline.agent', role: 'agent', unitCode: 'nanchang', displayName: '话务员 李娜', phone: '13800000004' },
  { username: 'district.auditor', role: 'auditor', unitCode: 'nanchang', displayName: '审计员 赵强', phone: '13800000005' },
].map((u) => ({ ...u, role: u.role as StaffRole, password: `bangbang-demo-${u.username.replace('.', '-')}` }));

/** The seed acts as the district's operator; its changes are audited as such. */
const OPERATOR: Principal = {
  id: 'seed',
  kind: 'staff',
  role: 'district_admin',
  org: DISTRICT.code,
  orgPath: `/${DISTRICT.code}/`,
  name: 'demo seed',
};

export interface SeedResult {
  unitsCreated: number;
  usersCreated: number;
}

/**
 * Idempotent: what exists is left alone, what is missing is created through the gateway's own
 * service layer, so each unit's event goes out through the outbox like any other change.
 */
export async function seedDemo(ds: DataSource): Promise<SeedResult> {
  const directory = new DirectoryService(ds);
  const users = new UsersService(ds);
  const units = ds.getRepository(OrgUnit);
  let unitsCreated = 0;
  let usersCreated = 0;
  if (!(await units.existsBy({ code: DISTRICT.code }))) {
    await directory.provisionDistrict(SYSTEM_ACTOR, DISTRICT);
    unitsCreated++;
  }
  const tree = [
    ...STREETS.map((s) => ({ ...s, level: 'street' as const, parentCode: DISTRICT.code })),
    ...JINXING_COMMUNITIES.map((c) => ({ ...c, level: 'community' as const, parentCode: 'jinxing' })),
  ];
  for (const unit of tree) {
    if (await units.existsBy({ code: unit.code })) continue;
    await directory.create(OPERATOR, unit, {});
    unitsCreated++;
  }
  for (const login of DEMO_LOGINS) {
    if (await users.provision(OPERATOR, login)) usersCreated++;
  }
  return { unitsCreated, usersCreated };
}
