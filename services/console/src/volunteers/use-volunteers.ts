import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Statement, VolunteerDetail, VolunteerSummary } from '../api/admin-types';

export function useVolunteers() {
  return useQuery({ queryKey: ['volunteers'], queryFn: async (): Promise<VolunteerSummary[]> => ok(api.GET('/api/volunteer/volunteers')) });
}

export function useVolunteer(id: string, enabled = true) {
  return useQuery({
    queryKey: ['volunteer', id],
    enabled,
    queryFn: async (): Promise<VolunteerDetail> => ok(api.GET('/api/volunteer/volunteers/{id}', { params: { path: { id } } })),
  });
}

/** The volunteer's ledger from the first day, so the balance is the account's whole story. */
export function useStatement(id: string | undefined) {
  return useQuery({
    queryKey: ['volunteer', id, 'statement'],
    enabled: !!id,
    queryFn: async (): Promise<Statement> =>
      ok(
        api.GET('/api/volunteer/volunteers/{id}/statement', {
          params: { path: { id: id! }, query: { from: '2020-01-01T00:00:00.000Z', to: new Date(Date.now() + 60_000).toISOString() } },
        }),
      ),
  });
}
