import { AuthConfig } from '@bangbang/auth';
import { MessagingConfig } from '@bangbang/messaging';
import { ConfigError, loadConfig } from '@bangbang/observability';
import { DatabaseConfig } from '@bangbang/persistence';
import { HttpConfig } from '@bangbang/platform';
import { DispatchConfig } from '../services/dispatch/src/dispatch.config';
import { GatewayConfig } from '../services/gateway/src/gateway.config';
import { keyCipherFor } from '../services/gateway/src/keys/key-cipher';
import { checkedMerchantConfig, MerchantConfig } from '../services/merchant/src/merchant.config';
import { RatingConfig } from '../services/rating/src/rating.config';
import { checkedRequestConfig, RequestConfig } from '../services/request/src/request.config';
import { VolunteerConfig } from '../services/volunteer/src/volunteer.config';

export const DEPLOYED_SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export type DeployedService = (typeof DEPLOYED_SERVICES)[number];

type ConfigClass = new () => object;

/** Every service loads these (libs/platform's bootstrap and module, libs/auth). */
const SHARED: ConfigClass[] = [HttpConfig, DatabaseConfig, MessagingConfig, AuthConfig];

const OWN: Record<DeployedService, { config: ConfigClass; production: (env: NodeJS.ProcessEnv) => unknown }> = {
  gateway: { config: GatewayConfig, production: (env) => keyCipherFor(loadConfig(GatewayConfig, env)) },
  request: { config: RequestConfig, production: (env) => checkedRequestConfig(loadConfig(RequestConfig, env)) },
  dispatch: { config: DispatchConfig, production: (env) => loadConfig(DispatchConfig, env) },
  merchant: { config: MerchantConfig, production: (env) => checkedMerchantConfig(loadConfig(MerchantConfig, env)) },
  volunteer: { config: VolunteerConfig, production: (env) => loadConfig(VolunteerConfig, env) },
  rating: { config: RatingConfig, production: (env) => loadConfig(RatingConfig, env) },
};

/** Every setting a service reads: the properties of its config classes, each an environment variable. */
export function settingsOf(service: DeployedService): Map<string, unknown> {
  const settings = new Map<string, unknown>();
  for (const cls of [...SHARED, OWN[service].config]) for (const [k, v] of Object.entries(new cls())) settings.set(k, v);
  return settings;
}

/**
 * What a deployment of the service must set, read off its config code rather than copied by hand:
 * - every setting whose default only works on one machine (a loopback address: the bind address,
 *   the brokers, the database server, the JWKS, the gateway's upstreams, public links);
 * - every setting the production check refuses to start without (outside BANGBANG_DEV): found by
 *   running that check on the defaults until it passes, each refusal naming one setting;
 * - the database login's password: DATABASE_USER defaults to the service's own role, which logs in
 *   with a password on any server that does not trust the network (DatabaseConfig).
 */
export function requiredSettings(service: DeployedService): string[] {
  const settings = settingsOf(service);
  const required = new Set<string>();
  for (const [name, value] of settings) {
    if (typeof value === 'string' && /\b(127\.0\.0\.1|localhost)\b/.test(value)) required.add(name);
  }
  required.add('DATABASE_PASSWORD');
  const env: NodeJS.ProcessEnv = { BANGBANG_DEV: 'false' };
  for (let i = 0; i < settings.size; i++) {
    try {
      OWN[service].production(env);
      break;
    } catch (error) {
      const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
      const named = [...settings.keys()].filter((k) => new RegExp(`\\b${k}\\b`).test(message) && !(k in env));
      if (!named.length) {
        throw new Error(`${service}: the production check refused the defaults without naming a setting`, { cause: error });
      }
      for (const k of named) {
        required.add(k);
        env[k] = exampleValue(k);
      }
    }
  }
  return [...required].sort();
}

/** A value the check accepts, only so that the next refusal (if any) shows. */
function exampleValue(name: string): string {
  return name === 'SIGNING_KEY_ENCRYPTION_KEY' ? Buffer.alloc(32, 1).toString('base64') : 'x'.repeat(32);
}
