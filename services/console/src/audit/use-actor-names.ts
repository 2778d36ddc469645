import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { PartnerUnit, StaffUser } from '../api/types';
import { useStaff } from '../shared/reference-data';

/**
 * Names for the audit log's actor ids: staff accounts from the gateway, partner units (whose API
 * keys act as the unit) from the merchant service, both as the reader's scope allows. One that
 * cannot be read leaves its ids as they are.
 */
export function useActorNames(): ReadonlyMap<string, string> {
  const staff = useStaff();
  const units = useQuery({
    queryKey: ['partner-units'],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<PartnerUnit[]> => ok(api.GET('/api/merchant/units')),
  });
  return new Map<string, string>([
    ...(units.data ?? []).map((u: PartnerUnit): [string, string] => [u.id, u.displayName]),
    ...(staff.data ?? []).map((u: StaffUser): [string, string] => [u.id, `${u.displayName}（${u.username}）`]),
  ]);
}
