import { redactRatingToken } from '../sign-off/rating-link';
import type { NotificationTemplate } from './notification.entity';

/** Codes are written right after these marks, which is how redactSecrets finds them. */
const CODE_MARK = '确认码';
const BOOKING_CODE_MARK = '验证码';
const CODE_IN_TEXT = new RegExp(`(${CODE_MARK}|${BOOKING_CODE_MARK})\\d+`, 'g');

export interface MessageFacts {
  number: string;
  categoryName?: string;
  providerName?: string;
  code?: string;
  validHours?: number;
  validMinutes?: number;
  ratingLink?: string;
  statusLink?: string;
  validDays?: number;
}

/** What the resident reads. Short: one SMS is 70 Chinese characters. */
export function messageText(template: NotificationTemplate, f: MessageFacts): string {
  switch (template) {
    case 'intake':
      return `【帮帮团】您的${f.categoryName ?? '服务'}需求已受理，单号${f.number}。`;
    case 'assigned':
      return `【帮帮团】单号${f.number}已由${f.providerName ?? '服务人员'}接单，将与您联系上门。`;
    case 'completed':
      return `【帮帮团】单号${f.number}服务已完成，请确认问题是否解决。`;
    case 'sign_off_request':
      return `【帮帮团】单号${f.number}签字${CODE_MARK}${f.code}，确认完成后交给服务人员，${f.validHours}小时内有效。`;
    case 'booking_code':
      return bookingCodeText(f.code ?? '', f.validMinutes ?? 0);
    case 'rating_link':
      // The link comes last: nothing may run on into the token, and phones link it up to the end.
      return `【帮帮团】单号${f.number}已签字确认，请在7天内为本次服务评价（链接仅限一次）：${f.ratingLink}`;
    case 'status_link':
      return `【帮帮团】单号${f.number}办理进度请看（${f.validDays}天内有效）：${f.statusLink}`;
  }
}

/** The online booking code, sent before there is a request (so without a request number). */
export const bookingCodeText = (code: string, validMinutes: number): string =>
  `【帮帮团】您的在线预约${BOOKING_CODE_MARK}${code}，${validMinutes}分钟内有效，请勿告诉他人。`;

/**
 * What may be kept or logged of a message: the sign-off and booking codes and the rating link's
 * token are secrets whose only copy belongs in the resident's SMS, so all are replaced by `[redacted]`.
 */
export const redactSecrets = (text: string): string => redactRatingToken(text).replace(CODE_IN_TEXT, '$1[redacted]');
