import type { MerchantUnit } from '../api/admin-types';

type Hours = MerchantUnit['serviceHours'];

const DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Service hours in words: "全天候", or each window as "周一 08:00–18:00". */
export function hoursText(hours: Hours): string {
  if (hours.always) return '全天候';
  if (hours.windows.length === 0) return '未设置';
  return hours.windows.map((w) => `${DAYS[w.day] ?? w.day} ${w.from}–${w.to}`).join('，');
}

/** The same window on each chosen day (0 = Sunday). */
export function weeklyHours(days: number[], from: string, to: string): Hours {
  return { always: false, windows: [...days].sort((a, b) => a - b).map((day) => ({ day, from, to })) };
}

export const DAY_OPTIONS = DAYS.map((label, value) => ({ label, value }));
