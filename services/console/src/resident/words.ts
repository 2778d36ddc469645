/** The site's words for what the services name in codes: short, plain, as a neighbour would say them. */
export const HOTLINE = '0510-12345';

export const PLAIN_CATEGORY: Record<string, string> = {
  'water-electric-repair': '水管漏水、没水没电、插座开关坏了',
  'pipe-unclogging': '下水道、马桶、厨房水槽堵了',
  'appliance-repair': '洗衣机、冰箱、空调、热水器坏了',
  'home-haircut': '行动不便出不了门，师傅上门理发',
  'policy-consultation': '社保、补贴、住房等政策问题，打电话直接解答',
  'certificate-appointment': '老年卡、生育登记等证件，工作人员上门办理',
  'book-lending': '社区图书室的书送到家门口',
  'job-referral': '找工作、推荐岗位，社区工作人员上门',
};

/** Who is served free (DOMAIN.md: the four grounds of a free-service grant), in plain words. */
export const FREE_FOR = ['享受低保的家庭', '独居的高龄老人', '有残疾且生活困难的家庭', '遇到突发困难的家庭（最长 3 个月）'];

export const TAG_LABELS: Record<string, string> = { punctual: '准时', polite: '礼貌', tidy: '干净整洁', price_as_quoted: '按报价收费' };

export const STATUS_LABELS: Record<string, string> = {
  received: '已收到',
  dispatching: '正在找师傅',
  escalated: '加急安排中',
  assigned: '已有人接单',
  on_site: '师傅已上门',
  completed: '服务已完成',
  signed_off: '您已签字确认',
  closed: '已办结',
  cancelled: '已取消',
  answered: '已解答',
};

/** The stages a booked request goes through, in order, for the progress list. */
export const STAGES = ['received', 'dispatching', 'assigned', 'on_site', 'completed', 'signed_off', 'closed'];

export const yuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(1));
