/** The server masks; the console only tells masked values apart and asks why before unmasking. */
export const isMasked = (value: string | null | undefined): boolean => !!value && value.includes('*');

/** Reasons an agent commonly states; any other is typed in. Every unmasked read is audited with it. */
export const UNMASK_PURPOSES = ['回拨居民确认诉求', '核对上门地址', '居民要求更正联系方式'];

export const PURPOSE_MAX = 200;

/** Null when the purpose may be sent, else what is wrong with it. */
export function purposeError(purpose: string): string | null {
  const trimmed = purpose.trim();
  if (!trimmed) return '请说明查看完整信息的用途';
  if (trimmed.length < 4) return '用途至少 4 个字';
  if (trimmed.length > PURPOSE_MAX) return `用途最多 ${PURPOSE_MAX} 个字`;
  return null;
}

/** `13812345678` as an agent reads it back: `138 1234 5678`; masked values are shown as they are. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '—';
  if (isMasked(phone)) return phone;
  const digits = phone.replace(/^\+?86/, '');
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : phone;
}
