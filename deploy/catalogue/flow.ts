import {
  CloudEvent,
  EventContract,
  JobAssigned,
  JobCompleted,
  JobEscalated,
  JobOffered,
  JobOnSite,
  JobProviderCancelled,
  JobReassigned,
  OfferAccepted,
  PointsPosted,
  RatingSubmitted,
  RequestCreatedV2Event,
  RequestSignedOff,
} from '@bangbang/contracts';
import { controllersOf, type ServiceDefinition } from '@bangbang/platform';
import { contractExample } from '@bangbang/testing';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { consumersByType, SERVICES } from './catalogue';

const ROOT = join(__dirname, '../..');

export interface FlowStep {
  event: EventContract;
  /** What made the fact happen: who, and through which route of the producing service (`METHOD /path`) or which reaction. */
  cause: string;
  /** The producing service's route, checked against its controllers. */
  route?: string;
}

/**
 * One request from the resident's call to the volunteer's points, told with the committed examples
 * (request `0b7d6b0e-…`): the main path only; the other endings of an offer (declined, expired,
 * withdrawn), the breach, the redo and the cancellation are in the catalogue.
 */
export const FLOW: FlowStep[] = [
  {
    event: RequestCreatedV2Event,
    cause: 'The resident calls the hotline; the agent takes the request in the call-centre workspace',
    route: 'POST /requests',
  },
  { event: JobEscalated, cause: "Nobody in Jincheng takes the job in its offer rounds; dispatch's clock widens it to the street" },
  { event: JobOffered, cause: 'Dispatch ranks the street-wide providers and offers the job to unit-7c1e' },
  {
    event: OfferAccepted,
    cause: "The unit's system accepts the offer with its API key, through the gateway",
    route: 'POST /offers/:offerId/accept',
  },
  { event: JobAssigned, cause: 'Exactly one provider holds the job: dispatch assigns it with the accept' },
  { event: JobProviderCancelled, cause: 'The unit hands the job back (its van broke down)', route: 'POST /jobs/:requestId/cancel' },
  {
    event: JobReassigned,
    cause: "The street admin assigns the community's volunteer electrician by hand, with the reason",
    route: 'POST /jobs/:requestId/assign',
  },
  { event: JobOnSite, cause: 'The volunteer reports arriving, in the volunteer app', route: 'POST /jobs/:requestId/on-site' },
  {
    event: JobCompleted,
    cause: 'The volunteer reports the work done; the resident is texted a sign-off code',
    route: 'POST /jobs/:requestId/complete',
  },
  {
    event: RequestSignedOff,
    cause: "The volunteer hands in the resident's one-time code; the resident is texted a rating link",
    route: 'POST /requests/:id/sign-off',
  },
  { event: PointsPosted, cause: 'The volunteer service awards the job from the community pool (and the free-job bonus, a second entry)' },
  {
    event: RatingSubmitted,
    cause: 'The resident rates through the texted link; a satisfied answer earns the volunteer the rating bonus',
    route: 'POST /public/ratings/:requestId',
  },
];

const serviceOf = (c: EventContract): string => c.source.split('/').pop() ?? c.source;

/** `METHOD /path` of every route a service's controllers declare. */
export function routesOf(def: ServiceDefinition): Set<string> {
  const routes = new Set<string>();
  for (const controller of new Set(controllersOf(def.module({ BANGBANG_DEV: '1' })))) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const fn: unknown = (controller.prototype as Record<string, unknown>)[name];
      if (typeof fn !== 'function' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
      const path = [base, String(Reflect.getMetadata(PATH_METADATA, fn))]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      routes.add(`${method} /${path}`);
    }
  }
  return routes;
}

/** The file that declares a handler class, in its service or in a lib a service's module imports. */
export function handlerFile(service: string, className: string): string {
  const dirs = [join(ROOT, 'services', service, 'src'), ...readdirSync(join(ROOT, 'libs')).map((lib) => join(ROOT, 'libs', lib, 'src'))];
  for (const dir of dirs) {
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('spec.ts')) continue;
      if (new RegExp(`export class ${className}\\b`).test(readFileSync(join(dir, file), 'utf8'))) return relative(ROOT, join(dir, file));
    }
  }
  throw new Error(`no file declares ${className} for ${service}`);
}

const brief = (e: CloudEvent): string => {
  const d = e.data as Record<string, unknown>;
  const keys = ['providerId', 'providerKind', 'level', 'offerId', 'via', 'kind', 'provider', 'priceChargedFen', 'reason'];
  return keys
    .filter((k) => d[k] !== undefined)
    .map((k) => `${k}: ${JSON.stringify(d[k])}`)
    .join(', ');
};

export const FLOW_HEADER = '<!-- generated by `npm run catalogue` from deploy/catalogue/flow.ts and the code; do not edit by hand -->';

export function renderFlow(steps = FLOW, services = SERVICES): string {
  const consumers = consumersByType(services);
  const lines = [
    FLOW_HEADER,
    '# From the call to the points: one request through every service',
    '',
    'Request `0b7d6b0e-…` in Jincheng community, told with the committed examples (`examples/`, the',
    "same files each consumer's `test/contract-examples.int-spec.ts` feeds its handlers). Each step:",
    'what happened and through which route, the fact the producer wrote to its outbox, and every',
    "handler that consumes it, read off the services' module graphs. Steps not on this path (an offer",
    'declined, expired or withdrawn, a deadline breached, the redo, a cancellation) are in the',
    '[catalogue](README.md#producers-and-consumers).',
    '',
  ];
  steps.forEach((step, i) => {
    const example = contractExample(step.event);
    const producer = serviceOf(step.event);
    lines.push(`## ${i + 1}. ${example.time.slice(11, 16)} ${step.event.type.split('.').slice(1, 3).join(' ')}`, '');
    lines.push(`${step.cause}${step.route ? ` (\`${producer}\`: \`${step.route}\`)` : ''}.`, '');
    lines.push(
      `- **fact:** [\`${step.event.type}\`](examples/${step.event.type}.json) by **${producer}**, key \`${example.subject}\`${brief(example) ? `; ${brief(example)}` : ''}`,
    );
    const consumed = consumers.get(step.event.type) ?? [];
    if (!consumed.length) lines.push('- **consumed by:** none inside Bangbang (published for integrators)');
    for (const c of consumed) {
      const file = handlerFile(c.service, c.handler.split('.')[0]);
      lines.push(`- **${c.service}:** \`${c.handler}\` in [${file}](../../${file})`);
    }
    lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
