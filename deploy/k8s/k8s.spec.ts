import { TOPICS, dlqTopic } from '@bangbang/contracts';
import { HealthController } from '@bangbang/platform';
import { PATH_METADATA } from '@nestjs/common/constants';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { latestModelRun, memoryRequestMiB, plan, readRuns, scenarios } from '../../bench/capacity';
import { DEPLOYED_SERVICES, requiredSettings } from '../required-settings';

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  data?: any;
  stringData?: any;
};

const HERE = __dirname;
const OVERLAYS = ['district', 'city'] as const;

function kubectl(): string {
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => join(dir, 'kubectl'));
  for (const candidate of [process.env.KUBECTL, ...onPath].filter(Boolean) as string[]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('kubectl not found (it renders the kustomize overlays): run deploy/local/ensure-kubectl.sh, or set KUBECTL');
}

function render(dir: string): string {
  return execFileSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const parse = (text: string): K8sObject[] =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as K8sObject)
    .filter(Boolean);

/** The Kubernetes API schemas, through kubernetes-models (ESM only, so in a node script). */
function schemaCheck(text: string): { validated: number; custom: string[]; errors: string[] } {
  return JSON.parse(execFileSync(process.execPath, [join(HERE, 'validate.mjs')], { input: text, encoding: 'utf8' }));
}

/** Routes the health controller serves, from its Nest metadata: /health/live, /health/ready, ... */
function healthRoutes(): Set<string> {
  const base = Reflect.getMetadata(PATH_METADATA, HealthController) as string;
  const routes = new Set<string>();
  for (const name of Object.getOwnPropertyNames(HealthController.prototype)) {
    const path = Reflect.getMetadata(PATH_METADATA, (HealthController.prototype as any)[name]) as string | string[] | undefined;
    if (path === undefined) continue;
    for (const p of [path].flat()) routes.add(`/${base}${p ? `/${p}` : ''}`);
  }
  return routes;
}

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

function policySelects(policy: any, labels: Record<string, string>): boolean {
  const s = policy.spec.podSelector ?? {};
  const exprs = (s.matchExpressions ?? []) as { key: string; operator: string; values: string[] }[];
  return selects(s.matchLabels, labels) && exprs.every((e) => (e.operator === 'In' ? e.values.includes(labels[e.key]) : true));
}

/** The project's own rules for a rendered overlay, beyond what the API schemas say; each problem a line. */
export function projectProblems(objects: K8sObject[], scenario: 'community' | 'district' | 'city'): string[] {
  const problems: string[] = [];
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const routes = healthRoutes();
  const run = latestModelRun(readRuns(join(HERE, '..', '..', 'bench', 'results', 'lifecycle.jsonl')));
  const model = plan(
    run,
    scenarios().find((s) => s.name === scenario)!,
  );
  const configMaps = new Map(of('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));

  for (const service of DEPLOYED_SERVICES) {
    const deployment = of('Deployment').find((d) => d.metadata.name === service);
    if (!deployment) {
      problems.push(`Deployment ${service} is missing`);
      continue;
    }
    const pod = deployment.spec.template;
    const labels = pod.metadata.labels as Record<string, string>;
    const container = pod.spec.containers[0];
    const ports = new Set((container.ports ?? []).map((p: any) => p.name));
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const get = container[probe]?.httpGet;
      if (!get) problems.push(`${service}: no ${probe}`);
      else {
        if (!routes.has(get.path)) problems.push(`${service}: ${probe} on ${get.path}, which the health controller does not serve`);
        if (!ports.has(get.port)) problems.push(`${service}: ${probe} on port ${get.port}, which the container does not name`);
      }
    }
    if (container.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`${service}: readiness must ask /health/ready`);
    const r = container.resources ?? {};
    if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory)
      problems.push(`${service}: resources need CPU and memory requests and a memory limit`);
    const mib = parseInt(String(r.requests?.memory ?? '0'), 10);
    if (mib < memoryRequestMiB(run.peakRssMiB[service])) {
      problems.push(`${service}: memory request ${mib}Mi is below the benchmark's ${run.peakRssMiB[service]} MiB peak RSS plus a quarter`);
    }
    if (!of('PodDisruptionBudget').some((p) => selects(p.spec.selector?.matchLabels, labels) && p.spec.selector?.matchLabels)) {
      problems.push(`${service}: no PodDisruptionBudget`);
    }
    const hpa = of('HorizontalPodAutoscaler').find(
      (h) => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef?.name === service,
    );
    if (!hpa) problems.push(`${service}: no HorizontalPodAutoscaler`);
    else {
      const metrics = (hpa.spec.metrics ?? []) as any[];
      if (!metrics.some((m) => m.type === 'Resource' && m.resource?.name === 'cpu'))
        problems.push(`${service}: the HPA does not scale on CPU`);
      const lag = metrics.find((m) => m.type === 'External' && m.external?.metric?.name === 'kafka_consumergroup_lag');
      if (lag?.external.metric.selector?.matchLabels?.consumergroup !== service)
        problems.push(`${service}: the HPA does not scale on its consumer group's lag`);
      const planned = model.services.find((s) => s.service === service)!;
      if (hpa.spec.minReplicas < planned.replicas)
        problems.push(`${service}: HPA minReplicas ${hpa.spec.minReplicas} < ${planned.replicas} (CAPACITY.md)`);
      if (hpa.spec.maxReplicas < planned.maxReplicas)
        problems.push(`${service}: HPA maxReplicas ${hpa.spec.maxReplicas} < ${planned.maxReplicas} (CAPACITY.md)`);
    }
    if (!of('Service').some((s) => selects(s.spec.selector, labels) && s.metadata.name === service))
      problems.push(`${service}: no Service`);
    const policies = of('NetworkPolicy').filter((p) => policySelects(p, labels));
    for (const type of ['Ingress', 'Egress']) {
      if (!policies.some((p) => p.spec.policyTypes?.includes(type)))
        problems.push(`${service}: no NetworkPolicy governs its ${type.toLowerCase()}`);
    }
    const env = new Map<string, unknown>();
    for (const ref of container.envFrom ?? [])
      for (const [k, v] of Object.entries(configMaps.get(ref.configMapRef?.name) ?? {})) env.set(k, v);
    for (const e of container.env ?? []) env.set(e.name, e.value ?? e.valueFrom);
    for (const name of requiredSettings(service))
      if (!env.has(name)) problems.push(`${service}: ${name} is required by its config and not set`);
  }

  if (!of('NetworkPolicy').some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && p.spec.policyTypes?.includes('Ingress'))) {
    problems.push('no NetworkPolicy denies ingress to every pod by default');
  }
  for (const secret of of('Secret')) if (secret.data || secret.stringData) problems.push(`Secret ${secret.metadata.name} carries values`);
  const ingress = of('Ingress');
  const backends = ingress.flatMap((i) => (i.spec.rules ?? []).flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)));
  if (!backends.length || backends.some((b) => b !== 'gateway'))
    problems.push(`the Ingress must lead to the gateway only, not ${JSON.stringify(backends)}`);
  if (of('Service').some((s) => s.spec.type === 'LoadBalancer' || s.spec.type === 'NodePort'))
    problems.push('a Service is exposed outside the cluster');

  // Strimzi
  const kafka = of('Kafka')[0];
  const shared = configMaps.get([...configMaps.keys()].find((k) => k.startsWith('bangbang-config'))!) ?? {};
  const pools = of('KafkaNodePool');
  if (!kafka) problems.push('no Kafka');
  else {
    const listener = (kafka.spec.kafka.listeners ?? []).find(
      (l: any) => shared.KAFKA_BROKERS === `${kafka.metadata.name}-kafka-bootstrap:${l.port}`,
    );
    if (!listener) problems.push(`KAFKA_BROKERS ${shared.KAFKA_BROKERS} is no listener of Kafka ${kafka.metadata.name}`);
    else if (!listener.tls || listener.authentication?.type !== shared.KAFKA_SASL_MECHANISM)
      problems.push("the services' listener must be TLS with their SASL mechanism");
    if (
      kafka.metadata.annotations?.['strimzi.io/node-pools'] !== 'enabled' ||
      kafka.metadata.annotations?.['strimzi.io/kraft'] !== 'enabled'
    )
      problems.push('Kafka must run KRaft on node pools');
    if (!kafka.spec.kafkaExporter) problems.push("no Kafka Exporter: the HPAs' lag metric comes from it");
    if (
      !pools.some(
        (p) => p.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name && p.spec.roles?.includes('broker') && p.spec.storage,
      )
    ) {
      problems.push('no KafkaNodePool with brokers and storage for the Kafka');
    }
  }
  const brokers = pools.filter((p) => p.spec.roles?.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0);
  for (const topic of Object.values(TOPICS).flatMap((t) => [t, dlqTopic(t)])) {
    const kt = of('KafkaTopic').find((t) => (t.spec.topicName ?? t.metadata.name) === topic);
    if (!kt) problems.push(`no KafkaTopic ${topic}`);
    else {
      if (kt.spec.partitions < model.partitions)
        problems.push(`KafkaTopic ${topic}: ${kt.spec.partitions} partitions, the capacity model asks ${model.partitions}`);
      if (String(kt.spec.partitions) !== String(shared.KAFKA_PARTITIONS))
        problems.push(`KafkaTopic ${topic}: partitions differ from KAFKA_PARTITIONS`);
      if (kt.spec.replicas > brokers || String(kt.spec.replicas) !== String(shared.KAFKA_REPLICATION_FACTOR))
        problems.push(`KafkaTopic ${topic}: replicas must match KAFKA_REPLICATION_FACTOR and fit ${brokers} brokers`);
    }
  }
  for (const service of DEPLOYED_SERVICES) {
    const user = of('KafkaUser').find((u) => u.metadata.name === service);
    if (!user || user.spec.authentication?.type !== shared.KAFKA_SASL_MECHANISM)
      problems.push(`no KafkaUser ${service} with ${shared.KAFKA_SASL_MECHANISM}`);
    else if (!user.spec.authorization?.acls?.some((a: any) => a.resource.type === 'group' && a.resource.name === service))
      problems.push(`KafkaUser ${service} may not read its group`);
  }

  // CloudNativePG
  const cluster = of('Cluster').find((c) => c.apiVersion.startsWith('postgresql.cnpg.io/'));
  if (!cluster) problems.push('no CloudNativePG Cluster');
  else {
    if (cluster.spec.instances < 2) problems.push('the database needs a standby (instances ≥ 2)');
    if (!cluster.spec.storage?.size) problems.push('the database has no storage size');
    if (!String(shared.DATABASE_URL).includes(`//${cluster.metadata.name}-rw:`))
      problems.push(`DATABASE_URL does not lead to ${cluster.metadata.name}-rw`);
    for (const service of DEPLOYED_SERVICES) {
      const role = `bangbang_${service}`;
      const managed = (cluster.spec.managed?.roles ?? []).find((r: any) => r.name === role);
      if (!managed?.login || managed.passwordSecret?.name !== `bangbang-${service}-db`)
        problems.push(`no login role ${role} with its password Secret`);
      if (!of('Database').some((d) => d.spec.name === role && d.spec.owner === role && d.spec.cluster?.name === cluster.metadata.name)) {
        problems.push(`no Database ${role} owned by ${role}`);
      }
    }
  }
  return problems;
}

describe('deploy/k8s', () => {
  const rendered = new Map<string, string>();
  beforeAll(() => {
    for (const overlay of OVERLAYS) rendered.set(overlay, render(join(HERE, 'overlays', overlay)));
  });

  it.each(OVERLAYS)('%s: every object is valid against the Kubernetes API schemas', (overlay) => {
    const result = schemaCheck(rendered.get(overlay)!);
    expect(result.errors).toEqual([]);
    expect(result.validated).toBeGreaterThan(30);
    expect(result.custom).toEqual(expect.arrayContaining(['Kafka/bangbang', 'KafkaNodePool/nodes', 'Cluster/bangbang-db']));
  });

  it.each(OVERLAYS)('%s: meets the project rules and the capacity model', (overlay) => {
    expect(projectProblems(parse(rendered.get(overlay)!), overlay)).toEqual([]);
  });

  it('the schema check rejects a broken object, and the project rules a broken overlay', () => {
    const broken = schemaCheck(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: two }\n---\napiVersion: example.com/v1\nkind: Thing\nmetadata: { name: y }\n',
    );
    expect(broken.errors).toEqual([expect.stringContaining('data/spec/replicas must be integer'), expect.stringContaining('Thing/y')]);

    const objects = parse(rendered.get('district')!);
    const request = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'request')!;
    const container = request.spec.template.spec.containers[0];
    container.readinessProbe.httpGet.path = '/healthz';
    delete container.livenessProbe;
    container.env = container.env.filter((e: any) => e.name !== 'NOTIFICATION_KEY');
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak' }, data: { k: 'c2VjcmV0' } });
    const withoutPdb = objects.filter((o) => !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'rating'));
    withoutPdb.find((o) => o.kind === 'KafkaTopic' && o.metadata.name === 'bangbang.request')!.spec.partitions = 1;
    expect(projectProblems(withoutPdb, 'district')).toEqual(
      expect.arrayContaining([
        'request: readinessProbe on /healthz, which the health controller does not serve',
        'request: no livenessProbe',
        'request: NOTIFICATION_KEY is required by its config and not set',
        'rating: no PodDisruptionBudget',
        'Secret leak carries values',
        expect.stringContaining('KafkaTopic bangbang.request: 1 partitions'),
      ]),
    );
  });

  it('the Secrets come from git-ignored files and give every key the overlays reference', () => {
    const tracked = execFileSync('git', ['ls-files', join(HERE, 'secrets')], { encoding: 'utf8' });
    expect(tracked).not.toContain('values/');
    const dir = mkdtempSync(join(tmpdir(), 'k8s-secrets-'));
    try {
      cpSync(join(HERE, 'secrets'), dir, { recursive: true });
      execFileSync('bash', [join(dir, 'create-values.sh')], { stdio: 'ignore' });
      const secrets = parse(render(dir)).filter((o) => o.kind === 'Secret');
      const given = new Set(secrets.flatMap((s) => Object.keys(s.data ?? {}).map((k) => `${s.metadata.name}/${k}`)));
      // Made by the operators: Strimzi's KafkaUser Secrets and the brokers' CA; the TLS certificate by the cluster's tooling.
      const objects = parse(rendered.get('city')!);
      for (const user of objects.filter((o) => o.kind === 'KafkaUser')) given.add(`${user.metadata.name}/password`);
      given.add('bangbang-cluster-ca-cert/ca.crt');
      const referenced = new Set<string>();
      for (const d of objects.filter((o) => o.kind === 'Deployment')) {
        const spec = d.spec.template.spec;
        for (const c of spec.containers)
          for (const e of c.env ?? [])
            if (e.valueFrom?.secretKeyRef) referenced.add(`${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
        for (const v of spec.volumes ?? []) for (const item of v.secret?.items ?? []) referenced.add(`${v.secret.secretName}/${item.key}`);
      }
      for (const c of objects.filter((o) => o.kind === 'Cluster'))
        for (const r of c.spec.managed.roles) referenced.add(`${r.passwordSecret.name}/password`);
      expect([...referenced].filter((r) => !given.has(r))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
