export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** The cipher that seals signing keys at rest, or null in development without SIGNING_KEY_ENCRYPTION_KEY. */
export const KEY_CIPHER = Symbol('KEY_CIPHER');
