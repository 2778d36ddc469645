import { Random } from './random';

/** What the district's residents ask for, in what words, and what they say afterwards. */

export const CATEGORY_MIX = {
  'water-electric-repair': 28,
  'pipe-unclogging': 14,
  'appliance-repair': 18,
  'home-haircut': 12,
  'policy-consultation': 10,
  'certificate-appointment': 6,
  'book-lending': 6,
  'job-referral': 6,
};
export type Category = keyof typeof CATEGORY_MIX;

export const DESCRIPTIONS: Record<Category, string[]> = {
  'water-electric-repair': ['厨房插座没电，跳闸推不上去', '卫生间水龙头一直滴水', '楼道灯坏了，晚上看不见', '热水器漏电保护老是跳'],
  'pipe-unclogging': ['厨房下水道堵了，水排不下去', '马桶堵塞', '地漏返臭水'],
  'appliance-repair': ['洗衣机不脱水', '冰箱不制冷', '空调开机没反应', '油烟机声音很大'],
  'home-haircut': ['老人行动不便，需要上门理发', '卧床老人理发'],
  'policy-consultation': ['想问一下低保怎么申请', '医保异地备案怎么办', '老年卡在哪里办'],
  'certificate-appointment': ['老年优待证办理，老人腿脚不便', '生育登记需要上门办理'],
  'book-lending': ['想借几本养生方面的书', '给孩子借绘本'],
  'job-referral': ['想找一份社区附近的工作', '快递员想换个离家近的岗位'],
};

export const ANSWERS = ['可携带身份证到社区服务中心办理，工作日上午9点到11点', '已告知办理流程和所需材料，并短信发送了清单'];
const TAGS = ['punctual', 'polite', 'tidy', 'price_as_quoted'];
const COMMENTS = ['师傅很准时，修得很好', '态度很好，谢谢帮帮团', '来得有点晚', '价格比说的贵了一点', '问题还没彻底解决'];

export interface RatingAnswer {
  team: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  provider: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  solved: boolean;
  tags: string[];
  comment?: string;
}

/** Mostly satisfied with the help team, less often with the provider (the case reports' 97.6% and 81.2%). */
export function ratingAnswer(rnd: Random): RatingAnswer {
  const team = rnd.weighted({ satisfied: 90, basically_satisfied: 8, dissatisfied: 2 });
  const provider = rnd.weighted({ satisfied: 68, basically_satisfied: 17, dissatisfied: 15 });
  const tags = TAGS.filter(() => rnd.chance(provider === 'dissatisfied' ? 0.1 : 0.4));
  const comment = rnd.chance(0.2) ? rnd.pick(COMMENTS) : undefined;
  return { team, provider, solved: provider !== 'dissatisfied' || rnd.chance(0.5), tags, ...(comment ? { comment } : {}) };
}
