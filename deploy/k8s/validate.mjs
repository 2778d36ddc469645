// Validates rendered manifests (YAML on stdin, as `kubectl kustomize` prints them) against the
// Kubernetes API schemas of the `kubernetes-models` package, which is ESM only: hence this script,
// run with node by k8s.spec.ts. Prints JSON: how many objects were checked against a schema, the
// custom resources it has no schema for (checked by the spec instead), and every error.
import { parseAllDocuments } from 'yaml';

/** Custom resources of the operators the manifests assume (README.md); anything else unknown is an error. */
const CUSTOM_GROUPS = new Set(['kafka.strimzi.io', 'postgresql.cnpg.io']);

async function modelFor(apiVersion, kind) {
  const path = apiVersion.includes('/') ? apiVersion : `v1/${apiVersion === 'v1' ? '' : apiVersion}`.replace(/\/$/, '');
  try {
    const module = await import(`kubernetes-models/${path}/${kind}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const result = { validated: 0, custom: [], errors: [] };
for (const doc of parseAllDocuments(Buffer.concat(chunks).toString('utf8'))) {
  if (doc.errors.length) {
    result.errors.push(`YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
    continue;
  }
  const object = doc.toJS();
  if (!object) continue;
  const name = `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
  if (!object.apiVersion || !object.kind) {
    result.errors.push(`${name}: no apiVersion or kind`);
    continue;
  }
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) {
    if (CUSTOM_GROUPS.has(group)) result.custom.push(name);
    else result.errors.push(`${name}: ${object.apiVersion} ${object.kind} is neither a Kubernetes API type nor an assumed operator's`);
    continue;
  }
  try {
    new Model(object).validate();
    result.validated++;
  } catch (error) {
    result.errors.push(`${name}: ${error.message}`);
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
