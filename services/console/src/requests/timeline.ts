import { CHANNEL_LABELS, label, STATUS_LABELS } from '../shared/labels';

/** Steps worth naming by what happened rather than by the status they led to. */
const ACTIONS: Record<string, string> = {
  reopen: '返工重办',
  reassign: '改派',
  cancel: '已取消',
  provider_cancel: '服务方退单',
  escalate: '升级派单',
  answer: '当场答复',
};

/** The services' own notes; an agent's or a resident's words pass as they are. */
const NOTES: Record<string, string> = {
  ...CHANNEL_LABELS,
  'answered at intake': '受理时当场答复',
  'redo window over': '返工期已过，自动办结',
  solved: '居民确认已解决',
  'not solved': '居民反映未解决',
  'the resident says the problem is not solved': '居民评价：问题未解决',
  'the resident is dissatisfied with the provider': '居民评价：对服务方不满意',
};

const CANCELLED_BY: Record<string, string> = { resident: '居民要求取消', agent: '话务员取消', admin: '管理员取消' };

const CJK = /[\u4e00-\u9fff]/;

/** A timeline step in the agent's words: what happened, and the note if a person can read it. */
export function timelineText(t: { action: string; to: string; note: string | null }): { title: string; note: string | null } {
  const title = ACTIONS[t.action] ?? label(STATUS_LABELS, t.to);
  if (!t.note) return { title, note: null };
  if (NOTES[t.note]) return { title, note: NOTES[t.note] };
  const cancelled = /^(resident|agent|admin): (.*)$/s.exec(t.note);
  if (t.action === 'cancel' && cancelled) return { title, note: `${CANCELLED_BY[cancelled[1]]}：${cancelled[2]}` };
  // Other notes of the services are ids and English details (a reassignment's previous provider).
  return { title, note: CJK.test(t.note) ? t.note : null };
}
