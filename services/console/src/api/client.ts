import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './schema';

/**
 * Every call with the current access token; a 401 gets one refresh and one retry, so an access
 * token that expires during a call never throws the agent out.
 */
async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const send = (req: Request, token: string | undefined) => {
    if (token) req.headers.set('authorization', `Bearer ${token}`);
    return fetch(req);
  };
  const res = await send(request, await session.token());
  if (res.status !== 401 || !session.current) return res;
  const fresh = await session.refresh();
  return fresh ? send(retry, fresh) : res;
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });
