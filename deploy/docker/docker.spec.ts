import { HealthController } from '@bangbang/platform';
import { PATH_METADATA } from '@nestjs/common/constants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOYED_SERVICES, DeployedService, requiredSettings } from '../required-settings';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: { dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  profiles?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
}

/** The compose file as compose reads it: anchors and merge keys resolved. */
const readCompose = (text: string): { services: Record<string, ComposeService> } => parse(text, { merge: true });

/** Routes the health controller serves, from its Nest metadata. */
function healthRoutes(): Set<string> {
  const base = Reflect.getMetadata(PATH_METADATA, HealthController) as string;
  const routes = new Set<string>();
  for (const name of Object.getOwnPropertyNames(HealthController.prototype)) {
    const handler = (HealthController.prototype as unknown as Record<string, object>)[name];
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (path !== undefined) for (const p of [path].flat()) routes.add(`/${base}${p ? `/${p}` : ''}`);
  }
  return routes;
}

/** A service of compose is one of the six, or a second instance of one (`request-2`). */
const serviceOf = (name: string): DeployedService | undefined => DEPLOYED_SERVICES.find((s) => name === s || name.startsWith(`${s}-`));

/** `${NAME:-default}` as compose expands it when NAME is unset; `${NAME:?message}` as set. */
const expand = (value: string, env: Record<string, string> = {}): string =>
  value.replace(
    /\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, op: string, rest: string) => env[name] ?? (op === '-' ? rest : `<${name}>`),
  );

/** Everything wrong with the compose file and the Dockerfile together; each problem a line. */
export function composeProblems(composeText: string, dockerfile: string, pairEnv: Record<string, string>): string[] {
  const problems: string[] = [];
  const compose = readCompose(composeText);
  const routes = healthRoutes();

  const health = /HEALTHCHECK[\s\S]*?CMD[^\n]*?'(\/[^']*)'/.exec(dockerfile)?.[1];
  if (!health) problems.push('the Dockerfile has no HEALTHCHECK on an HTTP route');
  else if (!routes.has(health)) problems.push(`the Dockerfile's HEALTHCHECK asks ${health}, which the health controller does not serve`);
  if (!/^ENV[\s\S]*HOST=0\.0\.0\.0/m.test(dockerfile)) problems.push('the image must listen on its network (HOST=0.0.0.0)');
  if (!/COPY --from=build \/app\/dist \.\/dist/.test(dockerfile))
    problems.push('the runtime image lacks dist (the services and the console)');
  const build = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build as string;
  if (!/RUN npm run build/.test(dockerfile) || !build.includes('vite build'))
    problems.push('the image build must build the console the gateway serves');
  // The gateway looks for the console in dist/console (services/gateway/src/console/console.ts).
  const vite = readFileSync(join(ROOT, 'services', 'console', 'vite.config.mts'), 'utf8');
  if (!/outDir: .*dist\/console`/.test(vite)) problems.push('the console is not built into dist/console, where the gateway serves it from');
  const exposed = /^EXPOSE (\d+)/m.exec(dockerfile)?.[1];

  const byService = new Map<DeployedService, string[]>();
  for (const [name, service] of Object.entries(compose.services)) {
    const of = serviceOf(name);
    if (!of) continue;
    byService.set(of, [...(byService.get(of) ?? []), name]);
    if (service.build?.args?.SERVICE !== of) problems.push(`${name}: builds SERVICE=${service.build?.args?.SERVICE}, not ${of}`);
    if (service.build?.dockerfile !== 'deploy/Dockerfile') problems.push(`${name}: not built from deploy/Dockerfile`);
    const env = service.environment ?? {};
    for (const setting of requiredSettings(of))
      if (!(setting in env)) problems.push(`${name}: ${setting} is required by its config and not set`);
    if (!env.PORT) problems.push(`${name}: no PORT`);
    if (!service.healthcheck && !health) problems.push(`${name}: no health check`);
    for (const dep of ['kafka', 'postgres']) {
      if (service.depends_on?.[dep]?.condition !== 'service_healthy') problems.push(`${name}: does not wait for ${dep} to be healthy`);
    }
  }
  for (const s of DEPLOYED_SERVICES) {
    const names = byService.get(s) ?? [];
    if (!names.some((n) => !compose.services[n].profiles)) problems.push(`${s}: not in compose`);
    if (!names.some((n) => compose.services[n].profiles?.includes('pair'))) problems.push(`${s}: no second instance in the pair profile`);
  }
  if (exposed && compose.services.gateway?.environment?.PORT !== exposed)
    problems.push(`the gateway's PORT is not the image's EXPOSE ${exposed}`);

  // Each gateway's upstreams lead to the PORT of every instance of that service, single and paired.
  for (const gatewayName of byService.get('gateway') ?? []) {
    const gw = compose.services[gatewayName].environment ?? {};
    if (!(compose.services[gatewayName].ports ?? []).some((p) => p.endsWith(`:${gw.PORT}`)))
      problems.push(`${gatewayName}: PORT ${gw.PORT} is not published`);
    for (const s of DEPLOYED_SERVICES.filter((x) => x !== 'gateway')) {
      const setting = `${s.toUpperCase()}_URL`;
      for (const [mode, env, instances] of [
        ['single', {}, (byService.get(s) ?? []).filter((n) => !compose.services[n].profiles)],
        ['pair', pairEnv, byService.get(s) ?? []],
      ] as const) {
        const urls = expand(gw[setting] ?? '', env).split(',');
        const expected = instances.map((n) => `http://${n}:${compose.services[n].environment?.PORT}`);
        if (JSON.stringify(urls.sort()) !== JSON.stringify([...expected].sort())) {
          problems.push(`${gatewayName}: ${setting} (${mode}) is ${urls.join(',')}, not ${expected.join(',')}`);
        }
      }
    }
  }
  return problems;
}

const envFile = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('docker compose and the Dockerfile', () => {
  const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
  const pairEnv = envFile(readFileSync(join(ROOT, 'deploy', 'compose.pair.env'), 'utf8'));

  it('every service, port, required setting and health check is there, once and in pairs', () => {
    expect(pairEnv.COMPOSE_PROFILES).toBe('pair');
    expect(composeProblems(composeText, dockerfile, pairEnv)).toEqual([]);
  });

  it('the secure Kafka override gives every instance of every service its Kafka login', () => {
    const secure = readCompose(readFileSync(join(ROOT, 'deploy', 'kafka', 'docker-compose.secure.yml'), 'utf8'));
    const ours = Object.keys(readCompose(composeText).services).filter((name) => serviceOf(name));
    const missing = ours.filter((name) => secure.services[name]?.environment?.KAFKA_SASL_USERNAME !== serviceOf(name));
    expect(missing).toEqual([]);
  });

  it('every secret compose asks for is listed in compose.env.example, with no value', () => {
    const example = envFile(readFileSync(join(ROOT, 'deploy', 'compose.env.example'), 'utf8'));
    const asked = [...composeText.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]);
    expect(asked.filter((name) => !(name in example))).toEqual([]);
    expect(Object.entries(example).filter(([, value]) => value !== '')).toEqual([]);
  });

  it('finds what is missing in a broken compose file and Dockerfile', () => {
    const compose = readCompose(composeText);
    delete compose.services['rating-2'];
    delete compose.services.request.environment!.NOTIFICATION_KEY;
    compose.services.gateway.environment!.DISPATCH_URL = 'http://dispatch:3009';
    const broken = JSON.stringify(compose);
    expect(composeProblems(broken, dockerfile.replace('/health/live', '/healthz'), pairEnv)).toEqual(
      expect.arrayContaining([
        "the Dockerfile's HEALTHCHECK asks /healthz, which the health controller does not serve",
        'rating: no second instance in the pair profile',
        'request: NOTIFICATION_KEY is required by its config and not set',
        'gateway: DISPATCH_URL (single) is http://dispatch:3009, not http://dispatch:3002',
      ]),
    );
  });
});
