import { Inject, Injectable } from '@nestjs/common';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { checkStatusToken, statusLink, statusLinkKey, StatusTokenCheck, statusToken } from './status-link';

const DAY_MS = 86_400_000;

/** Makes and checks the residents' status links with this deployment's key, base URL and lifetime. */
@Injectable()
export class StatusLinks {
  private readonly key: Buffer;

  constructor(@Inject(REQUEST_CONFIG) private readonly config: RequestConfig) {
    this.key = statusLinkKey(config.NOTIFICATION_KEY);
  }

  get validDays(): number {
    return this.config.STATUS_LINK_TTL_DAYS;
  }

  linkFor(requestId: string, now = new Date()): string {
    const expiresAt = new Date(now.getTime() + this.config.STATUS_LINK_TTL_DAYS * DAY_MS);
    return statusLink(this.config.STATUS_LINK_BASE_URL, requestId, statusToken(this.key, requestId, expiresAt));
  }

  check(requestId: string, token: string, now = new Date()): StatusTokenCheck {
    return checkStatusToken(this.key, requestId, token, now);
  }
}
