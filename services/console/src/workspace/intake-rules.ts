export const DESCRIPTION_MAX = 2000;

export interface IntakeValues {
  categoryCode?: string;
  description?: string;
  urgency?: string;
  /** ISO instants, both or neither. */
  windowFrom?: string;
  windowTo?: string;
  answer?: string;
  /** The partner unit the resident asked for; dispatch offers it the job first when it may take it. */
  chosenProviderId?: string;
}

export interface CategoryKind {
  kind: string;
}

export type IntakeErrors = Partial<Record<keyof IntakeValues, string>>;

/** The form's own checks, before anything is sent; the server's refusals land on the same fields. */
export function validateIntake(v: IntakeValues, category: CategoryKind | undefined, now: number): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!v.categoryCode || !category) errors.categoryCode = '请选择服务类别';
  const description = v.description?.trim() ?? '';
  if (!description) errors.description = '请记录居民的诉求';
  else if (description.length > DESCRIPTION_MAX) errors.description = `诉求最多 ${DESCRIPTION_MAX} 字`;
  if (category?.kind === 'consultation') {
    if (!v.answer?.trim()) errors.answer = '咨询类在受理时答复并办结，请填写答复内容';
  } else if (v.windowFrom || v.windowTo) {
    if (!v.windowFrom || !v.windowTo) errors.windowTo = '请填写完整的上门时间段';
    else if (Date.parse(v.windowTo) <= Date.parse(v.windowFrom)) errors.windowTo = '结束时间须晚于开始时间';
    else if (Date.parse(v.windowTo) <= now) errors.windowTo = '上门时间段已经过去';
  }
  return errors;
}

export interface IntakeBody {
  householdId: string;
  categoryCode: string;
  description: string;
  urgency?: 'emergency' | 'utilities' | 'general' | 'complex';
  preferredWindow?: { from: string; to: string };
  answer?: string;
  chosenProviderId?: string;
}

/** The body of POST /api/request/requests for valid values. */
export function intakeBody(householdId: string, v: IntakeValues, category: CategoryKind): IntakeBody {
  const consultation = category.kind === 'consultation';
  return {
    householdId,
    categoryCode: v.categoryCode!,
    description: v.description!.trim(),
    ...(v.urgency && !consultation ? { urgency: v.urgency as IntakeBody['urgency'] } : {}),
    ...(!consultation && v.windowFrom && v.windowTo ? { preferredWindow: { from: v.windowFrom, to: v.windowTo } } : {}),
    ...(!consultation && v.chosenProviderId ? { chosenProviderId: v.chosenProviderId } : {}),
    ...(consultation ? { answer: v.answer!.trim() } : {}),
  };
}

/** What the agent typed into the phone search: a whole number, or its last 4 to 10 digits. */
export type PhoneQuery = { phone: string } | { suffix: string } | { error: string };

export function parsePhoneQuery(input: string): PhoneQuery {
  const digits = input.replace(/[\s\-()]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (!/^\d+$/.test(digits)) return { error: '请输入号码或号码后几位（数字）' };
  if (digits.length >= 11) return { phone: digits };
  if (digits.length >= 4) return { suffix: digits };
  return { error: '至少输入号码后 4 位' };
}
