import type { StaffRole } from '@bangbang/auth';
import type { DemoLogin } from './demo';
import { Random } from './random';

/**
 * The demo district in the proportions of the case reports: six streets of six communities, the
 * 33 partner units and 63 volunteers of Jincheng's help team spread over the district, about 2,000
 * households. Jinxing Street and its communities are the real ones; the other communities' names
 * are invented. Everything is derived from a fixed seed, so every run describes the same district.
 */

export const DISTRICT_PATH = '/nanchang/';

export interface StreetPlan {
  code: string;
  nameZh: string;
  communities: Array<{ code: string; nameZh: string; namePinyin: string }>;
}

const community = (code: string, nameZh: string) => ({ code, nameZh, namePinyin: `${code[0].toUpperCase()}${code.slice(1)} Shequ` });

export const STREET_PLANS: StreetPlan[] = [
  {
    code: 'jinxing',
    nameZh: '金星街道',
    communities: [
      community('jincheng', '金城社区'),
      community('huaigu', '槐古社区'),
      community('jinle', '金乐社区'),
      community('jinnan', '金南社区'),
      community('jinhai', '金海社区'),
      community('yuemin', '跃民社区'),
    ],
  },
  {
    code: 'yangming',
    nameZh: '扬名街道',
    communities: [
      community('yangming-xincun', '扬名新村社区'),
      community('taihu-huayuan', '太湖花园社区'),
      community('liyuan', '梨园社区'),
      community('nanhu', '南湖社区'),
      community('hongqiao', '虹桥社区'),
      community('guangyi', '广益社区'),
    ],
  },
  {
    code: 'qingmingqiao',
    nameZh: '清名桥街道',
    communities: [
      community('nanxiatang', '南下塘社区'),
      community('dayao', '大窑路社区'),
      community('yongxing', '永兴社区'),
      community('jinyang', '金洋社区'),
      community('fuqian', '府前社区'),
      community('shuicao', '水曹社区'),
    ],
  },
  {
    code: 'nanchansi',
    nameZh: '南禅寺街道',
    communities: [
      community('chanyuan', '禅园社区'),
      community('miaoxiang', '妙香社区'),
      community('qianjin', '前进社区'),
      community('xiangyang', '向阳社区'),
      community('nanmen', '南门社区'),
      community('shengli', '胜利社区'),
    ],
  },
  {
    code: 'yinglongqiao',
    nameZh: '迎龙桥街道',
    communities: [
      community('yinglong', '迎龙社区'),
      community('xishui', '溪水社区'),
      community('dongting', '东亭社区'),
      community('qingyang', '清扬社区'),
      community('fengxiang', '丰香社区'),
      community('wanhe', '万和社区'),
    ],
  },
  {
    code: 'jinkui',
    nameZh: '金匮街道',
    communities: [
      community('jinkui-yuan', '金匮苑社区'),
      community('jingui', '金桂社区'),
      community('huishan', '汇善社区'),
      community('yuntai', '云台社区'),
      community('xiangjiang', '香江社区'),
      community('baolin', '宝林社区'),
    ],
  },
];

export interface CommunityPlace {
  code: string;
  nameZh: string;
  street: string;
  path: string;
  /** Share of the district's households: Jincheng, where it started, is the largest. */
  weight: number;
}

export const COMMUNITIES: CommunityPlace[] = STREET_PLANS.flatMap((s) =>
  s.communities.map((c) => ({
    code: c.code,
    nameZh: c.nameZh,
    street: s.code,
    path: `/nanchang/${s.code}/${c.code}/`,
    weight: c.code === 'jincheng' ? 3 : s.code === 'jinxing' ? 1.5 : 1,
  })),
);

export const streetPath = (street: string) => `/nanchang/${street}/`;

// ---------------------------------------------------------------------------------------------
// Staff

/** A staff account to create: the same shape as the demo logins. */
export type StaffPlan = DemoLogin;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = [
  '芳',
  '伟',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建国',
  '志强',
  '晓梅',
  '海燕',
  '国华',
];

export const passwordFor = (username: string) => `bangbang-demo-${username.replace(/\./g, '-')}`;

/**
 * Staff beyond the five demo logins of `demo.ts`: an admin for every street and community, hotline
 * agents at the district and in every street, and one community agent in Jincheng.
 */
export function staffPlan(): StaffPlan[] {
  const rnd = new Random(7_001);
  const name = () => `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`;
  let phone = 13_800_000_100;
  const staff = (username: string, role: StaffRole, unitCode: string, title: string): StaffPlan => ({
    username,
    password: passwordFor(username),
    role,
    unitCode,
    displayName: `${title} ${name()}`,
    phone: String(phone++),
  });
  const out: StaffPlan[] = [
    staff('hotline.agent2', 'agent', 'nanchang', '话务员'),
    staff('hotline.agent3', 'agent', 'nanchang', '话务员'),
    staff('jincheng.agent', 'agent', 'jincheng', '社区话务员'),
  ];
  for (const s of STREET_PLANS) {
    if (s.code !== 'jinxing') out.push(staff(`${s.code}.admin`, 'street_admin', s.code, '街道管理员'));
    out.push(staff(`${s.code}.agent`, 'agent', s.code, '街道话务员'));
    for (const c of s.communities) if (c.code !== 'jincheng') out.push(staff(`${c.code}.admin`, 'community_admin', c.code, '社区管理员'));
  }
  return out;
}

export const communityAdmin = (code: string) => `${code}.admin`;
export const streetAdmin = (code: string) => `${code}.admin`;

// ---------------------------------------------------------------------------------------------
// Partner units

export const HOME_CATEGORIES = [
  'water-electric-repair',
  'pipe-unclogging',
  'appliance-repair',
  'home-haircut',
  'certificate-appointment',
  'book-lending',
  'job-referral',
] as const;

export interface OfferingPlan {
  categoryCode: string;
  description: string;
  priceMinFen: number;
  priceMaxFen: number;
}

export interface UnitPlan {
  licenceNo: string;
  kind: 'merchant' | 'social_org';
  legalName: string;
  displayName: string;
  contactName: string;
  contactPhone: string;
  /** Where it applied: a community, or a street for a street-wide unit. */
  orgPath: string;
  /** Set by the district admin after activation for a district-wide unit. */
  coverage: string[];
  serviceHours: { always: boolean; windows: Array<{ day: number; from: string; to: string }> };
  maxConcurrentJobs: number;
  takesFreeJobs: boolean;
  offerings: OfferingPlan[];
}

const OFFERINGS: Record<string, Omit<OfferingPlan, 'categoryCode'>> = {
  'water-electric-repair': { description: '水电维修：龙头、插座、跳闸、漏水', priceMinFen: 2_000, priceMaxFen: 8_000 },
  'pipe-unclogging': { description: '管道疏通：下水道、马桶、地漏', priceMinFen: 3_000, priceMaxFen: 12_000 },
  'appliance-repair': { description: '家电维修：洗衣机、冰箱、空调、热水器', priceMinFen: 3_000, priceMaxFen: 20_000 },
  'home-haircut': { description: '上门理发，老人优先', priceMinFen: 500, priceMaxFen: 2_000 },
  'certificate-appointment': { description: '证件代办上门服务', priceMinFen: 0, priceMaxFen: 0 },
  'book-lending': { description: '图书送上门，按月借阅', priceMinFen: 0, priceMaxFen: 0 },
  'job-referral': { description: '就业信息与岗位推荐', priceMinFen: 0, priceMaxFen: 0 },
};

const offering = (categoryCode: string, cheaper = 1): OfferingPlan => {
  const o = OFFERINGS[categoryCode];
  return {
    categoryCode,
    description: o.description,
    priceMinFen: Math.round(o.priceMinFen * cheaper),
    priceMaxFen: Math.round(o.priceMaxFen * cheaper),
  };
};

const WEEKDAYS_8_TO_20 = [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '08:00', to: '20:00' }));
const EVERY_DAY_9_TO_21 = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '09:00', to: '21:00' }));

/**
 * 33 units: in every street a water-and-power shop, an appliance repairer and a drain service
 * covering the whole street, a barber serving its own community and a social organisation; plus
 * three district-wide ones. About two in three take free jobs.
 */
export function unitPlan(): UnitPlan[] {
  const rnd = new Random(7_002);
  const person = () => `${rnd.pick(SURNAMES)}师傅`;
  let n = 0;
  let phone = 13_700_000_100;
  const unit = (
    p: Omit<UnitPlan, 'licenceNo' | 'contactName' | 'contactPhone' | 'maxConcurrentJobs' | 'takesFreeJobs'> & Partial<UnitPlan>,
  ): UnitPlan => ({
    licenceNo: `92320213MA1DEMO${String(++n).padStart(3, '0')}`,
    contactName: person(),
    contactPhone: String(phone++),
    maxConcurrentJobs: rnd.int(2, 5),
    takesFreeJobs: rnd.chance(0.65),
    ...p,
  });
  const out: UnitPlan[] = [];
  for (const s of STREET_PLANS) {
    const street = streetPath(s.code);
    const short = s.nameZh.replace('街道', '');
    const home = COMMUNITIES.find((c) => c.street === s.code)!;
    out.push(
      unit({
        kind: 'merchant',
        legalName: `无锡${short}水电维修部`,
        displayName: `${short}水电`,
        orgPath: street,
        coverage: [street],
        serviceHours: { always: true, windows: [] },
        offerings: [offering('water-electric-repair'), offering('pipe-unclogging', 1.1)],
      }),
      unit({
        kind: 'merchant',
        legalName: `无锡${short}家电服务有限公司`,
        displayName: `${short}家电维修`,
        orgPath: street,
        coverage: [street],
        serviceHours: { always: false, windows: EVERY_DAY_9_TO_21 },
        offerings: [offering('appliance-repair')],
      }),
      unit({
        kind: 'merchant',
        legalName: `无锡${short}管道疏通服务部`,
        displayName: `${short}通下水`,
        orgPath: street,
        coverage: [street],
        serviceHours: { always: true, windows: [] },
        offerings: [offering('pipe-unclogging'), offering('water-electric-repair', 0.9)],
      }),
      unit({
        kind: 'merchant',
        legalName: `${home.nameZh.replace('社区', '')}美发店`,
        displayName: `${home.nameZh.replace('社区', '')}理发`,
        orgPath: home.path,
        coverage: [home.path],
        serviceHours: { always: false, windows: WEEKDAYS_8_TO_20 },
        offerings: [offering('home-haircut')],
        takesFreeJobs: true,
      }),
      unit({
        kind: 'social_org',
        legalName: `${short}社区服务中心`,
        displayName: `${short}为老服务站`,
        orgPath: street,
        coverage: [street],
        serviceHours: { always: false, windows: WEEKDAYS_8_TO_20 },
        offerings: [offering('book-lending'), offering('certificate-appointment'), offering('job-referral')],
        takesFreeJobs: true,
      }),
    );
  }
  const jinxing = streetPath('jinxing');
  out.push(
    unit({
      kind: 'merchant',
      legalName: '无锡惠民家电连锁有限公司',
      displayName: '惠民家电',
      orgPath: jinxing,
      coverage: [DISTRICT_PATH],
      serviceHours: { always: false, windows: EVERY_DAY_9_TO_21 },
      offerings: [offering('appliance-repair', 0.9), offering('water-electric-repair')],
    }),
    unit({
      kind: 'social_org',
      legalName: '南长区益众公益服务中心',
      displayName: '益众公益',
      orgPath: jinxing,
      coverage: [DISTRICT_PATH],
      serviceHours: { always: false, windows: WEEKDAYS_8_TO_20 },
      offerings: [offering('certificate-appointment'), offering('job-referral'), offering('book-lending')],
      takesFreeJobs: true,
    }),
    unit({
      kind: 'social_org',
      legalName: '南长区爱心理发志愿服务社',
      displayName: '爱心理发社',
      orgPath: jinxing,
      coverage: [DISTRICT_PATH],
      serviceHours: { always: false, windows: WEEKDAYS_8_TO_20 },
      offerings: [offering('home-haircut', 0)],
      takesFreeJobs: true,
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Volunteers

export type VolunteerKind = 'skilled' | 'merchant' | 'general';

export interface VolunteerPlan {
  username: string;
  password: string;
  displayName: string;
  phone: string;
  kind: VolunteerKind;
  community: CommunityPlace;
  specialties: Array<{ categoryCode: string; certificate: { name: string; number: string; expiresAt: string } }>;
  availability: { always: boolean; windows: Array<{ day: number; from: string; to: string }> };
  maxConcurrentJobs: number;
  /** Training modules done; skilled and merchant volunteers all four, some general ones fewer. */
  training: Array<'ethos' | 'procedure' | 'skills' | 'safety'>;
}

const CERTIFICATES: Record<string, string> = {
  'water-electric-repair': '低压电工作业证',
  'pipe-unclogging': '管道工职业技能证书',
  'appliance-repair': '家用电器维修工证书',
  'home-haircut': '美发师职业资格证书',
  'book-lending': '图书馆志愿服务证',
  'job-referral': '职业指导人员证书',
  'certificate-appointment': '社区工作者证',
};

/**
 * 63 volunteers: 24 skilled (a trade and its certificate), 9 merchants who volunteer their trade,
 * and 30 general volunteers (patrols, visits, events: no home-service jobs). A quarter live in
 * Jincheng, where the team began; the rest across the district.
 */
export function volunteerPlan(): VolunteerPlan[] {
  const rnd = new Random(7_003);
  const expiry = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 5, 30)).toISOString();
  const jincheng = COMMUNITIES.find((c) => c.code === 'jincheng')!;
  const kinds: VolunteerKind[] = [
    ...Array<VolunteerKind>(24).fill('skilled'),
    ...Array<VolunteerKind>(9).fill('merchant'),
    ...Array<VolunteerKind>(30).fill('general'),
  ];
  const trades = [
    'water-electric-repair',
    'pipe-unclogging',
    'appliance-repair',
    'home-haircut',
    'book-lending',
    'job-referral',
    'certificate-appointment',
  ];
  return kinds.map((kind, i) => {
    const community = i % 4 === 0 ? jincheng : COMMUNITIES[(i * 7) % COMMUNITIES.length];
    const displayName = `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`;
    const username = `vol${String(i + 1).padStart(2, '0')}.${community.code}`;
    const first = kind === 'general' ? [] : [trades[i % trades.length]];
    const second = kind === 'skilled' && rnd.chance(0.3) ? [rnd.pick(trades.filter((t) => t !== first[0]))] : [];
    const specialties = [...first, ...second].map((categoryCode, k) => ({
      categoryCode,
      certificate: {
        name: kind === 'merchant' ? '个体工商户营业执照' : CERTIFICATES[categoryCode],
        number: `ZY${String(i + 1).padStart(3, '0')}${k}${rnd.int(1000, 9999)}`,
        expiresAt: expiry,
      },
    }));
    const evenings = [1, 2, 3, 4, 5].map((day) => ({ day, from: '18:00', to: '21:00' }));
    const weekends = [0, 6].map((day) => ({ day, from: '08:00', to: '18:00' }));
    const allDay = rnd.chance(kind === 'merchant' ? 0.2 : 0.5);
    return {
      username,
      password: `bangbang-volunteer-${String(i + 1).padStart(2, '0')}`,
      displayName: kind === 'merchant' ? `${displayName}(${first[0] === 'home-haircut' ? '理发店' : '维修店'})` : displayName,
      phone: String(13_600_000_100 + i),
      kind,
      community,
      specialties,
      availability: allDay ? { always: true, windows: [] } : { always: false, windows: [...evenings, ...weekends] },
      maxConcurrentJobs: kind === 'general' ? 0 : rnd.int(1, 3),
      training: kind === 'general' && rnd.chance(0.3) ? ['ethos', 'safety'] : ['ethos', 'procedure', 'skills', 'safety'],
    };
  });
}

/** One team per street, around the first skilled volunteer living there. */
export function teamPlan(volunteers: VolunteerPlan[]): Array<{ name: string; unitPath: string; leader: string; members: string[] }> {
  return STREET_PLANS.map((s) => {
    const mine = volunteers.filter((v) => v.community.street === s.code);
    const leader = mine.find((v) => v.kind === 'skilled') ?? mine[0];
    return {
      name: `${s.nameZh.replace('街道', '')}帮帮团志愿服务队`,
      unitPath: streetPath(s.code),
      leader: leader.username,
      members: mine.filter((v) => v !== leader).map((v) => v.username),
    };
  }).filter((t) => t.leader);
}

// ---------------------------------------------------------------------------------------------
// Households

export type ResidentTag = 'elderly_living_alone' | 'child' | 'disabled' | 'new_form_worker' | 'newcomer';
export type EligibilityReason = 'subsistence_allowance' | 'elderly_living_alone' | 'disability_in_difficulty' | 'sudden_hardship';

export interface HouseholdPlan {
  index: number;
  community: CommunityPlace;
  address: string;
  residents: Array<{ name: string; phones: string[]; tags: ResidentTag[]; preferredContact: 'sms' | 'call' | 'wechat' }>;
  eligibility?: { reason: EligibilityReason; evidence: string };
}

/**
 * Household shares, from the case reports' focus groups (一老一小一新) and the fee rules: about
 * one household in eight is an elderly person living alone, one in five has a child, one in twenty
 * five a disabled member, one in twelve a new-form worker, one in ten newcomers. About one in
 * twenty holds a free-service grant (低保 most of all).
 */
export const HOUSEHOLD_SHARES = { elderlyAlone: 0.12, child: 0.2, disabled: 0.04, newFormWorker: 0.08, newcomer: 0.1 };

const ESTATES = ['新村', '花园', '小区', '家园', '苑'];

/** Phone of a household's first resident: 135 and the household's number, so a rerun finds it. */
export const headPhone = (index: number) => `135${String(index).padStart(8, '0')}`;

export function householdPlan(count: number): HouseholdPlan[] {
  const rnd = new Random(7_004);
  const totalWeight = COMMUNITIES.reduce((s, c) => s + c.weight, 0);
  const out: HouseholdPlan[] = [];
  for (let index = 0; index < count; index++) {
    let r = rnd.next() * totalWeight;
    const community = COMMUNITIES.find((c) => (r -= c.weight) < 0) ?? COMMUNITIES[COMMUNITIES.length - 1];
    const surname = rnd.pick(SURNAMES);
    const estate = `${community.nameZh.replace('社区', '')}${rnd.pick(ESTATES)}`;
    const address = `无锡市梁溪区${STREET_PLANS.find((s) => s.code === community.street)!.nameZh}${community.nameZh}${estate}${rnd.int(1, 40)}栋${rnd.int(1, 4)}单元${rnd.int(1, 6)}0${rnd.int(1, 4)}室`;
    const head = {
      name: `${surname}${rnd.pick(GIVEN)}`,
      phones: [headPhone(index)],
      tags: [] as ResidentTag[],
      preferredContact: rnd.weighted({ sms: 6, call: 3, wechat: 1 }),
    };
    const residents = [head];
    const elderlyAlone = rnd.chance(HOUSEHOLD_SHARES.elderlyAlone);
    if (elderlyAlone) {
      head.name = `${surname}${rnd.pick(['阿姨', '大爷', '奶奶', '爷爷'])}`;
      head.tags.push('elderly_living_alone');
      head.preferredContact = 'call';
    } else {
      const size = rnd.int(1, 3);
      for (let k = 0; k < size; k++)
        residents.push({
          name: `${surname}${rnd.pick(GIVEN)}`,
          phones: [`136${String(index * 4 + k).padStart(8, '0')}`],
          tags: [],
          preferredContact: 'sms',
        });
      if (rnd.chance(HOUSEHOLD_SHARES.child / 0.88))
        residents.push({ name: `${surname}小${rnd.pick(GIVEN)}`, phones: [headPhone(index)], tags: ['child'], preferredContact: 'call' });
      if (rnd.chance(HOUSEHOLD_SHARES.newFormWorker / 0.88)) residents[1].tags.push('new_form_worker');
      if (rnd.chance(HOUSEHOLD_SHARES.newcomer / 0.88)) for (const r of residents) r.tags.push('newcomer');
    }
    if (rnd.chance(HOUSEHOLD_SHARES.disabled)) head.tags.push('disabled');
    let eligibility: HouseholdPlan['eligibility'];
    if (rnd.chance(0.035)) eligibility = { reason: 'subsistence_allowance', evidence: `低保证 ${community.code.toUpperCase()}-${index}` };
    else if (elderlyAlone && rnd.chance(0.35)) eligibility = { reason: 'elderly_living_alone', evidence: '高龄空巢，社区走访核实' };
    else if (head.tags.includes('disabled') && rnd.chance(0.5))
      eligibility = { reason: 'disability_in_difficulty', evidence: '残疾证及困难证明已核验' };
    else if (rnd.chance(0.004)) eligibility = { reason: 'sudden_hardship', evidence: '突发火灾，社区核实' };
    out.push({ index, community, address, residents, eligibility });
  }
  return out;
}
