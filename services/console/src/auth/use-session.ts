import { useEffect, useState, useSyncExternalStore } from 'react';
import { session, SignedIn } from './session';

export const useSignedIn = (): SignedIn | undefined => useSyncExternalStore(session.subscribe, session.snapshot);

const reconnecting = (): boolean => session.reconnecting;

/**
 * A reload's sign-in being restored from the kept refresh token: `restoring` while the first
 * refresh is out, `reconnecting` while the network or the gateway keeps it from answering (the
 * session retries by itself), and undefined once signed in or with nothing to restore.
 */
export function useRestore(): 'restoring' | 'reconnecting' | undefined {
  const user = useSignedIn();
  const away = useSyncExternalStore(session.subscribe, reconnecting);
  const [first, setFirst] = useState(!user && session.canRestore);
  useEffect(() => {
    if (first) void session.refresh().finally(() => setFirst(false));
  }, [first]);
  if (first) return 'restoring';
  return !user && away ? 'reconnecting' : undefined;
}
