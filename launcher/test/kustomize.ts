import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/** A Kubernetes object as rendered: enough structure for the checks, the rest left open. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

const cluster = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass', 'CustomResourceDefinition']);
const supported = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images']);

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
}

/**
 * Renders a kustomization with the subset of kustomize that `deploy/kubernetes` uses — resource
 * files, a namespace, image names and tags — and refuses any other field, so a manifest that
 * starts using more cannot pass here unrendered. `kubectl kustomize` renders the same (checked
 * against it wherever kubectl is installed).
 */
export function renderKustomization(dir: string): KubernetesObject[] {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !supported.has(key));
  if (unknown.length > 0) throw new Error(`kustomization fields this renderer does not support: ${unknown.join(', ')}`);
  const objects = (kustomization.resources ?? []).flatMap((file) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      return document.toJS() as KubernetesObject;
    }),
  );
  for (const object of objects) {
    if (kustomization.namespace && !cluster.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const container of containersOf(object)) {
      const image = kustomization.images?.find((entry) => entry.name === container.image.split(':')[0]);
      if (image) container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
    }
  }
  return objects;
}

/** `kubectl kustomize dir`, parsed; undefined where kubectl is not installed. */
export function kubectlKustomize(dir: string): KubernetesObject[] | undefined {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubernetesObject);
}

/** The pod template's containers (init containers included) of a workload object. */
export function containersOf(object: KubernetesObject): Array<Record<string, unknown> & { name: string; image: string }> {
  const spec = (object.spec as { template?: { spec?: { containers?: unknown[]; initContainers?: unknown[] } } } | undefined)?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])] as Array<Record<string, unknown> & { name: string; image: string }>;
}
