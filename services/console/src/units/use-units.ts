import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { MerchantUnit, PendingUnit } from '../api/admin-types';
import { useUnits } from '../shared/reference-data';

export function usePartnerUnits() {
  return useQuery({ queryKey: ['merchant-units'], queryFn: async (): Promise<MerchantUnit[]> => ok(api.GET('/api/merchant/units')) });
}

export function usePendingUnits() {
  return useQuery({
    queryKey: ['merchant-units', 'pending'],
    queryFn: async (): Promise<PendingUnit[]> => ok(api.GET('/api/merchant/units/pending')),
  });
}

/** The org unit's Chinese name for an org path such as `/nanchang/jinxing/jincheng/`. */
export function usePlaceName(): (path: string) => string {
  const units = useUnits().data ?? [];
  return (path) => units.find((u) => u.path === path)?.nameZh ?? path;
}
