/**
 * Chinese for the services' refusals, which are English and name the field first
 * (`description must be shorter than…`, `residents.0.phones.1: 555 is not a phone number`). The
 * one place that knows the API's field names and constraint wordings: forms only say which API
 * field lands on which of their fields.
 */

/** The API's field names as the agent knows them, for messages shown away from the field. */
export const FIELD_LABELS: Record<string, string> = {
  address: '住址',
  answer: '答复内容',
  by: '提出方',
  categoryCode: '服务类别',
  chosenProviderId: '指定服务方',
  code: '验证码',
  communityCode: '社区',
  description: '诉求描述',
  from: '开始时间',
  householdId: '住户',
  id: '编号',
  name: '称呼',
  notes: '回访记录',
  phone: '联系电话',
  phones: '联系电话',
  preferredContact: '联系方式',
  preferredWindow: '上门时间',
  provider: '对服务方的评价',
  providerId: '服务方',
  purpose: '查看用途',
  reason: '原因',
  requestId: '工单',
  residents: '住户成员',
  result: '回访结果',
  solved: '是否解决',
  tags: '标签',
  team: '对帮帮团的评价',
  to: '结束时间',
  urgency: '紧急程度',
};

/** Constraint wordings (class-validator's and the services' own), most specific first. */
const CONSTRAINTS: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/is not a phone number/, '不是有效的电话号码（手机号，或带区号的座机）'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `最多 ${m[1]} 个字`],
  [/must be longer than or equal to (\d+) characters/, (m) => `至少 ${m[1]} 个字`],
  [/must contain at least (\d+) elements/, (m) => `至少填写 ${m[1]} 项`],
  [/must contain no more than (\d+) elements/, (m) => `最多 ${m[1]} 项`],
  [/should not be empty|must not be empty|\brequired\b/, '此项必填'],
  [/control characters/, '含有无效字符'],
  [/unknown category|category .*(switched off|not offered|disabled)/, '该类别不存在，或本社区未开通'],
  [/must be after|must be later/, '结束时间须晚于开始时间'],
  [/in the past|must be in the future/, '时间已经过去'],
  [/must be one of/, '不在可选范围内'],
  [
    /must be (a|an) (UUID|category code|community code|valid ISO 8601 date string|date|number|integer|boolean|string|object|array)|must match|must be type/,
    '格式不正确',
  ],
  [/not found|no such|unknown/, '不存在，或不在您的管辖范围内'],
  [/already/, '已经处理过，请刷新后查看'],
];

/** Dispatch's hard rules, named in its 422 answers to a manual assignment. */
export const RULE_LABELS: Record<string, string> = {
  'unknown-provider': '没有这个服务方',
  inactive: '该服务方未启用或已暂停合作',
  paused: '该服务方暂停接单中',
  category: '该服务方不提供这类服务',
  coverage: '该服务方不服务这个区域',
  'free-jobs': '该服务方不接免费服务单',
  capacity: '该服务方手头工单已满',
  unavailable: '该服务方这个时段不可上门',
  'already-offered': '已向该服务方发出过邀约',
};

const BY_STATUS: Record<number, string> = {
  400: '填写有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您无权执行此操作',
  404: '未找到，或不在您的管辖范围内',
  409: '当前状态下不能这样操作，请刷新后查看',
  422: '不符合办理规则',
  429: '操作过于频繁，请稍后再试',
};

/** A constraint's Chinese, beside the field it names (the layout shows which). */
export function constraintMessage(english: string): string {
  for (const [pattern, chinese] of CONSTRAINTS) {
    const m = pattern.exec(english);
    if (m) return typeof chinese === 'string' ? chinese : chinese(m);
  }
  return '填写有误';
}

/** A refusal shown above the form: the field's name in front, or the status's plain meaning. */
/**
 * A resubmit under the form's Idempotency-Key whose content changed after an answer was lost: the
 * first submit may have been made, so the agent looks before doing it again.
 */
const KEY_REUSED = /^Idempotency-Key: already used/;

export function generalMessage(status: number, field: string | undefined, english: string): string {
  if (KEY_REUSED.test(english)) return '先前那次提交可能已经办理，而这次的内容与它不同：请先查看是否已办理，勿重复提交';
  if (field && FIELD_LABELS[field]) return `${FIELD_LABELS[field]}：${constraintMessage(english)}`;
  return BY_STATUS[status] ?? (status >= 500 ? `服务暂时不可用（${status}），请稍后重试` : `请求失败（${status}）`);
}
