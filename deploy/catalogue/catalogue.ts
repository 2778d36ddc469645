import { allContracts, EventContract } from '@bangbang/contracts';
import type { ServiceDefinition } from '@bangbang/platform';
import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { dispatchService } from '../../services/dispatch/src/dispatch.service-definition';
import { gatewayService } from '../../services/gateway/src/gateway.service-definition';
import { merchantService } from '../../services/merchant/src/merchant.service-definition';
import { ratingService } from '../../services/rating/src/rating.service-definition';
import { requestService } from '../../services/request/src/request.service-definition';
import { volunteerService } from '../../services/volunteer/src/volunteer.service-definition';

export const SERVICES: ServiceDefinition[] = [gatewayService, requestService, dispatchService, merchantService, volunteerService, ratingService];

/**
 * Facts nobody inside Bangbang consumes, published as the record that partners' systems, analysts
 * and the district's data platform subscribe to. A type that no handler consumes must be listed
 * here with its reason, or the catalogue test fails.
 */
export const PUBLISHED_FOR_INTEGRATORS: Record<string, string> = {
  'bangbang.merchant.credit-updated.v1': "a partner unit's credibility for the district's supervision and the unit's own dashboards",
  'bangbang.merchant.unit-flagged.v1': 'review flags (overcharge, low credit) for supervisors\' alerting',
  'bangbang.merchant.webhook-delivery-failed.v1': "failed deliveries for the partner's and the district's operations alerting",
  'bangbang.merchant.webhook-endpoint-disabled.v1': "an endpoint switched off after failures, for the partner's and operations' alerting",
  'bangbang.request.closed.v1': "the end of a request's story for the district's data platform and archives",
  'bangbang.volunteer.approved.v1': 'an approved volunteer for the civil-affairs volunteer registry',
  'bangbang.volunteer.points-posted.v1': 'the points ledger, entry by entry, for audit and the data platform',
  'bangbang.volunteer.service-exchanged.v1': 'points spent on a service, for the data platform (the service itself is booked through the front desk)',
};

export interface Consumer {
  service: string;
  handler: string;
}

export interface CatalogueEntry {
  type: string;
  topic: string;
  producer: string;
  consumers: Consumer[];
  forIntegrators?: string;
}

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

/** Every controller class a module graph registers; event handlers are controllers in Nest. */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type[] {
  if (root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const dynamic = typeof root === 'function' ? undefined : root;
  const cls = dynamic ? dynamic.module : (root as Type);
  const meta = <T>(key: string): T[] => (Reflect.getMetadata(key, cls) as T[] | undefined) ?? [];
  const controllers = [...meta<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])];
  const imports = [...meta<ModuleRef>(MODULE_METADATA.IMPORTS), ...((dynamic?.imports ?? []) as ModuleRef[])];
  return [...controllers, ...imports.flatMap((m) => controllersOf(m, seen))];
}

/** Event type → the handlers that consume it, read off each service's module graph and `@OnEvent` metadata. */
export function consumersByType(services = SERVICES): Map<string, Consumer[]> {
  const found = new Map<string, Consumer[]>();
  for (const def of services) {
    // Only the module graph is read: development settings let it be built without real secrets.
    for (const controller of new Set(controllersOf(def.module({ BANGBANG_DEV: '1' })))) {
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const fn: unknown = (controller.prototype as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const patterns = (Reflect.getMetadata(PATTERN_METADATA, fn) as unknown[] | undefined) ?? [];
        for (const type of patterns.filter((p): p is string => typeof p === 'string')) {
          const list = found.get(type) ?? [];
          list.push({ service: def.name, handler: `${controller.name}.${method}` });
          found.set(type, list);
        }
      }
    }
  }
  return found;
}

const producerOf = (c: EventContract): string => c.source.split('/').pop() ?? c.source;

export function buildCatalogue(services = SERVICES): CatalogueEntry[] {
  const consumers = consumersByType(services);
  return allContracts()
    .filter((c) => !c.type.startsWith('bangbang.test.'))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.type.localeCompare(b.type))
    .map((c) => ({
      type: c.type,
      topic: c.topic,
      producer: producerOf(c),
      consumers: consumers.get(c.type) ?? [],
      forIntegrators: PUBLISHED_FOR_INTEGRATORS[c.type],
    }));
}

export const CATALOGUE_START = '<!-- catalogue:start: generated by `npm run catalogue`, do not edit by hand -->';
export const CATALOGUE_END = '<!-- catalogue:end -->';

export function renderCatalogue(entries: CatalogueEntry[]): string {
  const consumed = (e: CatalogueEntry) =>
    e.consumers.length
      ? e.consumers.map((c) => `${c.service} (\`${c.handler}\`)`).join('<br>')
      : `none: published for integrators (${e.forIntegrators ?? 'reason missing'})`;
  const rows = entries.map((e) => `| \`${e.type}\` | \`${e.topic}\` | ${e.producer} | ${consumed(e)} | [example](examples/${e.type}.json) |`);
  return [CATALOGUE_START, '| type | topic | producer | consumed by | example |', '| --- | --- | --- | --- | --- |', ...rows, CATALOGUE_END].join('\n');
}

/** The README with its catalogue section replaced by the given one. */
export function withCatalogue(readme: string, catalogue: string): string {
  const start = readme.indexOf(CATALOGUE_START);
  const end = readme.indexOf(CATALOGUE_END);
  if (start < 0 || end < start) throw new Error('the README has no catalogue markers');
  return readme.slice(0, start) + catalogue + readme.slice(end + CATALOGUE_END.length);
}
