// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes OpenAPI schema, as
// compiled into the `kubernetes-models` package; prints one line per object: `kind/name` and its
// problems. A separate process because the package is ES modules only.
import { readFileSync } from 'node:fs';
import * as models from 'kubernetes-models';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const groups = Object.fromEntries(Object.entries(models));
const results = [];
for (const object of objects) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  // The package names API groups in camel case (`apps`, `batch`, `policy`); the core group is the top level.
  const module = group === '' ? models : groups[group.replace(/\.(\w)/g, (_m, c) => c.toUpperCase())];
  const Model = module?.[version]?.[object.kind];
  if (!Model) {
    results.push({ object: `${object.kind}/${object.metadata?.name}`, problems: [`no schema for ${object.apiVersion} ${object.kind}`] });
    continue;
  }
  try {
    new Model(object).validate();
    results.push({ object: `${object.kind}/${object.metadata.name}`, problems: [] });
  } catch (error) {
    results.push({ object: `${object.kind}/${object.metadata?.name}`, problems: (error.errors ?? [error]).map((e) => `${e.instancePath ?? ''} ${e.message}`) });
  }
}
process.stdout.write(JSON.stringify(results));
