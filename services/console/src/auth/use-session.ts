import { useSyncExternalStore } from 'react';
import { session, SignedIn } from './session';

export const useSignedIn = (): SignedIn | undefined => useSyncExternalStore(session.subscribe, session.snapshot);
