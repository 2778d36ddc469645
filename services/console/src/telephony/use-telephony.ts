import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';

export const useExtensions = () => useQuery({ queryKey: ['extensions'], queryFn: () => ok(api.GET('/api/request/extensions')) });

/** Seats an agent at an extension: rings there pop on that agent's screen. */
export function useSeatExtension() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ extension, agentId }: { extension: string; agentId: string }) =>
      ok(api.PUT('/api/request/extensions/{extension}', { params: { path: { extension } }, body: { agentId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['extensions'] }),
  });
}

export const useCallbacks = () =>
  useQuery({
    queryKey: ['callbacks', 'open'],
    queryFn: () => ok(api.GET('/api/request/callbacks', { params: { query: { status: 'open' } } })),
  });

/** Outbound calls of the last day: a callback's return call is among them once the phone system has logged it. */
export const useOutboundCalls = (enabled: boolean) =>
  useQuery({
    queryKey: ['calls', 'out'],
    enabled,
    queryFn: () => ok(api.GET('/api/request/calls', { params: { query: { direction: 'out', limit: 500 } } })),
  });

export const useCallFigures = (range: { from: string; to: string }, bucket: 'hour' | 'day', by: 'all' | 'street' | 'community') =>
  useQuery({
    queryKey: ['call-figures', range.from, range.to, bucket, by],
    queryFn: async () => {
      const figures = await ok(api.GET('/api/request/calls/figures', { params: { query: { ...range, bucket, by, format: 'json' } } }));
      // The route answers CSV only when asked for it.
      if (typeof figures === 'string') throw new Error('call figures: CSV where JSON was asked for');
      return figures;
    },
  });

export const useBlockedNumbers = (active: boolean) =>
  useQuery({
    queryKey: ['blocked-numbers', active],
    queryFn: () => ok(api.GET('/cti/blocked-numbers', { params: { query: { active: active ? 'true' : 'false' } } })),
  });
