import { label, ROLE_LABELS } from '../shared/labels';

/** What each audited action means, for the auditor; the code stays beside it for searching. */
const ACTIONS: Record<string, string> = {
  'auth.login-succeeded': '登录',
  'auth.login-failed': '登录失败',
  'auth.login-throttled': '登录过于频繁被限制',
  'job.assigned': '人工派单',
  'job.reassigned': '人工改派',
  'rating-comment.approved': '评价留言审核通过',
  'rating-comment.rejected': '评价留言未通过审核',
  'volunteer.approved': '志愿者审核通过',
  'volunteer.rejected': '志愿者审核未通过',
  'volunteer.suspended': '暂停志愿者',
  'volunteer.reinstated': '恢复志愿者',
  'volunteer.training-recorded': '登记志愿者培训',
  'volunteer.certificate-recorded': '登记志愿者证书',
  'team.created': '成立志愿者团队',
  'team.member-set': '调整团队成员',
  'team.member-removed': '移出团队成员',
  'activity.published': '发布志愿活动',
  'activity.checked-in': '活动签到',
  'activity.checked-out': '活动签退',
  'points.corrected': '更正公益积分',
  'points.config-changed': '修改积分规则',
  'household.created': '登记住户',
  'household.resident-added': '添加住户成员',
  'household.verified': '核实住户',
  'household.contact-read': '查看住户完整信息',
  'household.caller-suffix-lookup': '按号码尾号查找来电户',
  'eligibility.read': '查看免费服务资格',
  'eligibility.granted': '授予免费服务资格',
  'eligibility.revoked': '撤销免费服务资格',
  'request.contact-read': '服务方查看上门联系方式',
  'request.cancelled': '取消工单',
  'request.reopened': '返工重办',
  'request.signed-off': '回访确认签收',
  'follow-up.closed': '记录回访结果',
  'rating.submitted': '回访录入评价',
  'rating.amended': '更正评价',
  'partner-unit.applied': '登记加盟单位',
  'partner-unit.verified': '审核加盟单位',
  'partner-unit.active': '启用加盟单位',
  'partner-unit.suspended': '暂停加盟单位',
  'partner-unit.retired': '加盟单位退出',
  'partner-unit.updated': '修改加盟单位',
  'partner-unit.contact-read': '查看加盟单位联系电话',
  'offering.updated': '修改服务价目',
  'offering.removed': '删除服务价目',
  'api-key.issued': '发放接口密钥',
  'api-key.revoked': '吊销接口密钥',
  'webhook.replayed': '重发回调',
  'staff-user.created': '创建工作人员账号',
  'staff-user.disabled': '停用工作人员账号',
  'staff-user.contact-read': '查看工作人员电话',
  'unit.created': '新建组织单位',
  'unit.renamed': '组织单位改名',
  'unit.retired': '撤销组织单位',
  'open311-client.created': '发放开放接口密钥',
  'open311-client.revoked': '吊销开放接口密钥',
  'figures.recomputed': '重算统计数据',
};

/** The gateway records every proxied change as `proxy.<method>`. */
const PROXY: Record<string, string> = { post: '提交', put: '修改', patch: '修改', delete: '删除' };

export function actionLabel(code: string): string {
  if (ACTIONS[code]) return ACTIONS[code];
  const proxy = /^proxy\.(\w+)$/.exec(code);
  if (proxy) return `接口${PROXY[proxy[1]] ?? '调用'}`;
  return code;
}

/** The service that recorded it. */
export const SOURCE_LABELS: Record<string, string> = {
  gateway: '网关',
  request: '受理',
  dispatch: '派单',
  merchant: '加盟单位',
  volunteer: '志愿者',
  rating: '评价',
};

/** The actor's role; a failed sign-in has none. */
export const roleLabel = (role: string): string => (role === 'anonymous' ? '未登录' : label(ROLE_LABELS, role));

/** Who did it: the name the directory knows, else the seed's, else the id itself. */
export function actorName(actorId: string, names: ReadonlyMap<string, string>): string {
  if (names.has(actorId)) return names.get(actorId)!;
  if (actorId === 'seed') return '演示数据初始化';
  if (actorId === 'anonymous') return '未登录访客';
  return actorId;
}
