/** What the picker needs of a directory listing. */
export interface ListedProvider {
  takesFreeJobs: boolean;
  offerings: { categoryCode: string; priceMinFen: number; priceMaxFen: number }[];
}

/** Why the resident cannot have this provider for this request, or null when they can. */
export function choiceProblem(p: ListedProvider, feePolicy: string): string | null {
  return feePolicy === 'free' && !p.takesFreeJobs ? '不接免费服务单' : null;
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** The provider's price for the category as the agent quotes it: ¥20–60, ¥30, or free. */
export function priceText(p: ListedProvider, categoryCode: string, feePolicy: string): string {
  if (feePolicy === 'free') return '免费';
  const o = p.offerings.find((x) => x.categoryCode === categoryCode);
  if (!o) return '价格面议';
  return o.priceMaxFen > o.priceMinFen ? `¥${yuan(o.priceMinFen)}–${yuan(o.priceMaxFen)}` : `¥${yuan(o.priceMinFen)}`;
}

/** A 0..1 rate as a whole percentage, or a dash when nothing was measured. */
export const percent = (rate: number | null | undefined): string => (rate == null ? '—' : `${Math.round(rate * 100)}%`);
