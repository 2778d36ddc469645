export const STATUS_LABELS: Record<string, string> = {
  received: '已受理',
  dispatching: '派单中',
  escalated: '已升级',
  assigned: '已派单',
  on_site: '已上门',
  completed: '已完工',
  signed_off: '已签字确认',
  closed: '已办结',
  cancelled: '已取消',
};

/** The board's columns: everything still open, in the order work moves. */
export const OPEN_STATUSES = ['received', 'dispatching', 'escalated', 'assigned', 'on_site', 'completed'];

export const URGENCY_LABELS: Record<string, string> = { emergency: '紧急', utilities: '水电急修', general: '一般', complex: '复杂' };
export const URGENCY_COLOURS: Record<string, string> = { emergency: 'red', utilities: 'orange', general: 'blue', complex: 'purple' };

export const FEE_LABELS: Record<string, string> = { free: '免费服务', low_cost: '低偿服务' };

/** Why a household is served free (DOMAIN.md: 低保户, 高龄空巢, 困难残疾人, 突发困难). */
export const FEE_REASON_LABELS: Record<string, string> = {
  subsistence_allowance: '低保户',
  elderly_living_alone: '高龄空巢困难老人',
  disability_in_difficulty: '困难残疾人',
  sudden_hardship: '突发困难',
};

export const TAG_LABELS: Record<string, string> = {
  elderly_living_alone: '高龄空巢',
  child: '儿童',
  disabled: '残疾人',
  new_form_worker: '新就业形态劳动者',
  newcomer: '新市民',
};

export const CONTACT_LABELS: Record<string, string> = { sms: '短信', call: '电话', wechat: '微信' };

export const label = (labels: Record<string, string>, key: string | null | undefined): string => (key ? (labels[key] ?? key) : '—');

/** The hotline standard for each urgency class, as agents quote it to callers. */
export const URGENCY_PROMISES: Record<string, string> = {
  emergency: '2小时内响应',
  utilities: '24小时内办结',
  general: '7天内办结',
  complex: '15天内办结',
};

export const GROUP_LABELS: Record<string, string> = { home: '居家服务', care: '关爱服务', community: '社区事务' };

export const JOB_STATE_LABELS: Record<string, string> = {
  ...STATUS_LABELS,
  offering: '邀约中',
  manual: '待人工派单',
};

export const LEVEL_LABELS: Record<string, string> = { community: '本社区', street: '本街道', district: '全区', manual: '人工' };

export const ACTOR_LABELS: Record<string, string> = {
  staff: '工作人员',
  system: '系统',
  resident: '居民',
  merchant: '加盟单位',
  volunteer: '志愿者',
};

export const CHANNEL_LABELS: Record<string, string> = { hotline: '热线受理', booking: '网上预约', open311: '开放接口' };

export const ROLE_LABELS: Record<string, string> = {
  agent: '话务员',
  community_admin: '社区管理员',
  street_admin: '街道管理员',
  district_admin: '区管理员',
  auditor: '审计员',
  merchant: '加盟单位',
  volunteer: '志愿者',
};

/** The two satisfaction questions' answers (帮帮团 and the provider). */
export const SATISFACTION_LABELS: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };
