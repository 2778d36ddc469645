import type { UnitStatus } from '../api/admin-types';

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  applied: '已申请',
  verified: '已核实',
  active: '服务中',
  suspended: '已暂停',
  retired: '已退出',
};
export const UNIT_STATUS_COLOURS: Record<UnitStatus, string> = {
  applied: 'gold',
  verified: 'blue',
  active: 'green',
  suspended: 'red',
  retired: 'default',
};
export const UNIT_KIND_LABELS: Record<string, string> = { merchant: '商户', social_org: '社会组织' };

export interface UnitMove {
  to: UnitStatus;
  /** The button's words. */
  label: string;
  /** What the reason box asks for. */
  prompt: string;
  danger?: boolean;
}

const MOVES: Record<UnitStatus, UnitMove[]> = {
  applied: [
    { to: 'verified', label: '实地核实通过', prompt: '核实情况（如：上门查看营业执照与场地）' },
    { to: 'retired', label: '不予通过', prompt: '不予通过的原因', danger: true },
  ],
  verified: [
    { to: 'active', label: '启用接单', prompt: '启用说明' },
    { to: 'retired', label: '退出', prompt: '退出原因', danger: true },
  ],
  active: [
    { to: 'suspended', label: '暂停接单', prompt: '暂停原因（将告知单位）', danger: true },
    { to: 'retired', label: '退出', prompt: '退出原因', danger: true },
  ],
  suspended: [
    { to: 'active', label: '恢复接单', prompt: '恢复说明' },
    { to: 'retired', label: '退出', prompt: '退出原因', danger: true },
  ],
  retired: [],
};

/**
 * The moves the merchant service allows from a status for this role: verifying is for the community
 * and street admins who visit the unit, so the district admin is not offered it; auditors change nothing.
 */
export function unitMoves(status: UnitStatus, role: string): UnitMove[] {
  if (!['community_admin', 'street_admin', 'district_admin'].includes(role)) return [];
  return MOVES[status].filter((m) => m.to !== 'verified' || role !== 'district_admin');
}

/** Fen as yuan for a price list: 2000 → "20", 2050 → "20.5". */
export const yuan = (fen: number): string => String(fen / 100);

/** A price range in yuan; an open-ended one reads "20 元起". */
export const priceRange = (min: number, max: number | null | undefined): string =>
  max === null || max === undefined || max === min
    ? `${yuan(min)} 元${max === undefined || max === null ? '起' : ''}`
    : `${yuan(min)}–${yuan(max)} 元`;
