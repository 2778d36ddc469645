import { SecretBox } from '@bangbang/auth';
import { redactSecrets } from './templates';

export const MESSAGE_SEALER = Symbol('MESSAGE_SEALER');

/** A message as stored while it waits: readable without its secrets, and sealed whole if it has any. */
export interface StoredMessage {
  body: string;
  sealedBody: string | null;
}

/**
 * Sign-off codes, booking codes and rating links exist in clear only in the resident's SMS. A
 * queued message keeps them sealed with NOTIFICATION_KEY until the sender opens it to send.
 */
export class MessageSealer {
  private readonly box: SecretBox;

  constructor(key: string) {
    this.box = new SecretBox(key);
  }

  seal(text: string): StoredMessage {
    const body = redactSecrets(text);
    return { body, sealedBody: body === text ? null : this.box.seal(text) };
  }

  open(stored: StoredMessage): string {
    return stored.sealedBody ? this.box.open(stored.sealedBody) : stored.body;
  }
}
