import { signInMessage } from './sign-in-message';

/** What the console knows of the signed-in person, from the access token's claims. */
export interface SignedIn {
  id: string;
  role: string;
  org: string;
  orgPath: string;
  name: string;
  /** Expiry of the access token, epoch ms. */
  expiresAt: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const REFRESH_KEY = 'bangbang.refresh';
/** Refresh this long before the access token runs out, so no call meets an expired one. */
const REFRESH_AHEAD_MS = 30_000;
const RETRY_MS = 5_000;

function claims(token: string): SignedIn {
  // The claims are UTF-8 (names are Chinese); atob gives bytes as Latin-1 characters.
  const bytes = Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  return {
    id: String(payload.sub),
    role: String(payload.role),
    org: String(payload.org),
    orgPath: String(payload.orgPath),
    name: String(payload.name),
    expiresAt: Number(payload.exp) * 1_000,
  };
}

/**
 * The sign-in: the access token lives in memory only; the refresh token in sessionStorage, so a
 * reload (or a closed laptop lid) in the middle of a call signs the agent straight back in, while
 * closing the tab ends the session. Refreshes are single-flight (tokens are single-use) and run
 * ahead of expiry; a refused refresh signs out, a network failure keeps the session and retries.
 */
export class Session {
  private access?: string;
  private user?: SignedIn;
  private refreshing?: Promise<string | undefined>;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();
  /** Why the last session ended, for the sign-in page. */
  endedBecause?: string;
  /**
   * A restore (after a reload) that met no network or a failing gateway: the refresh token is kept
   * and tried again, so the page says it is reconnecting rather than asking to sign in.
   */
  reconnecting = false;

  constructor(private readonly storage: Storage = sessionStorage) {}

  get current(): SignedIn | undefined {
    return this.user;
  }

  get canRestore(): boolean {
    return !!this.storage.getItem(REFRESH_KEY);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SignedIn | undefined => this.user;

  async signIn(username: string, password: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw new SignInError('网络连接失败，请检查网络后重试', 0);
    }
    if (!res.ok) throw new SignInError(signInMessage(res), res.status);
    this.endedBecause = undefined;
    this.accept((await res.json()) as TokenPair);
  }

  async signOut(reason?: string): Promise<void> {
    const refreshToken = this.storage.getItem(REFRESH_KEY);
    this.clear(reason);
    if (refreshToken) {
      await fetch('/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => undefined);
    }
  }

  /** A token good for the next call, refreshed first if it is about to run out. */
  async token(): Promise<string | undefined> {
    if (this.access && this.user && this.user.expiresAt - Date.now() > REFRESH_AHEAD_MS) return this.access;
    return this.refresh();
  }

  /** After a 401: the token was refused, get a new one (once per refusal, shared by all callers). */
  refresh(): Promise<string | undefined> {
    return (this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined)));
  }

  private async doRefresh(): Promise<string | undefined> {
    const refreshToken = this.storage.getItem(REFRESH_KEY);
    if (!refreshToken) return undefined;
    let res: Response;
    try {
      res = await fetch('/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
    } catch {
      return this.retryLater();
    }
    if (res.status === 401 || res.status === 400) {
      this.clear('登录已过期，请重新登录');
      return undefined;
    }
    if (!res.ok) return this.retryLater();
    this.accept((await res.json()) as TokenPair);
    return this.access;
  }

  private retryLater(): string | undefined {
    this.schedule(RETRY_MS);
    if (!this.user && !this.reconnecting) {
      this.reconnecting = true;
      this.emit();
    }
    return this.access;
  }

  private accept(pair: TokenPair): void {
    this.reconnecting = false;
    this.access = pair.accessToken;
    this.user = claims(pair.accessToken);
    this.storage.setItem(REFRESH_KEY, pair.refreshToken);
    this.schedule(this.user.expiresAt - Date.now() - REFRESH_AHEAD_MS);
    this.emit();
  }

  private schedule(inMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(1_000, inMs));
  }

  private clear(reason?: string): void {
    clearTimeout(this.timer);
    this.reconnecting = false;
    this.access = undefined;
    this.user = undefined;
    this.endedBecause = reason;
    this.storage.removeItem(REFRESH_KEY);
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}

export const session = new Session();
