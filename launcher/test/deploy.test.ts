import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { containersOf, kubectlKustomize, renderKustomization, type KubernetesObject } from './kustomize';
import { serviceNames } from '../src/services';

// The deployment files, checked offline: no cluster, no Docker engine.
const root = join(__dirname, '..', '..');
const kubernetesDir = join(root, 'deploy', 'kubernetes');
const objects = renderKustomization(kubernetesDir);
const named = (kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found as KubernetesObject & { spec: Record<string, any> };
};
const byKey = (list: KubernetesObject[]) => Object.fromEntries(list.map((object) => [`${object.kind}/${object.metadata.name}`, object]));

test('the kustomization renders as kubectl renders it', () => {
  const kubectl = kubectlKustomize(kubernetesDir);
  // Where kubectl is installed its rendering is the reference; the renderer's own output is checked below either way.
  if (kubectl) expect(byKey(objects)).toEqual(byKey(kubectl));
  expect(objects.length).toBeGreaterThan(20);
  expect(objects.filter((object) => object.kind !== 'Namespace').every((object) => object.metadata.namespace === 'movement-graph')).toBe(true);
});

test('every rendered object validates against the Kubernetes OpenAPI schema', () => {
  const output = execFileSync(process.execPath, [join(__dirname, 'validate-kubernetes.mjs')], { input: JSON.stringify(objects), encoding: 'utf8' });
  const results = JSON.parse(output) as Array<{ object: string; problems: string[] }>;
  expect(results).toHaveLength(objects.length);
  expect(results.filter((result) => result.problems.length > 0)).toEqual([]);
});

test('the validator does refuse an object the schema does not allow', () => {
  const broken = structuredClone(named('Deployment', 'people'));
  broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
  delete broken.spec.selector;
  const output = execFileSync(process.execPath, [join(__dirname, 'validate-kubernetes.mjs')], { input: JSON.stringify([broken]), encoding: 'utf8' });
  const [result] = JSON.parse(output) as Array<{ problems: string[] }>;
  expect(result.problems.join('\n')).toMatch(/containerPort must be integer/);
  expect(result.problems.join('\n')).toMatch(/\/spec must have required property selector/);
});

test.each([...serviceNames])(
  '%s: a Deployment serving it, probed on /ready and /health, with requests and limits, a Service, an autoscaler and a disruption budget',
  (name) => {
    const deployment = named('Deployment', name);
    const pod = deployment.spec.template;
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
    expect(pod.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    const [container] = pod.spec.containers;
    expect(pod.spec.containers).toHaveLength(1);
    expect(container.image).toBe('movement-graph:0.1.0');
    expect(container.args).toEqual(['serve', name]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    // The drain (SHUTDOWN_GRACE_MS) and the preStop pause fit in the grace period before SIGKILL.
    const config = named('ConfigMap', 'movement-config').data as Record<string, string>;
    expect(Number(config.SHUTDOWN_GRACE_MS) / 1000 + Number(container.lifecycle.preStop.exec.command[1])).toBeLessThan(pod.spec.terminationGracePeriodSeconds);
    const port = container.ports.find((entry: { name: string }) => entry.name === 'http').containerPort;
    expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });

    const service = named('Service', name);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    if (name !== 'gateway') expect(config[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${service.spec.ports[0].port}/graphql`);

    const autoscaler = named('HorizontalPodAutoscaler', name);
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const budget = named('PodDisruptionBudget', name);
    expect(budget.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(budget.spec.minAvailable).toBeLessThan(autoscaler.spec.minReplicas);
  },
);

test('secrets come from Secrets and the rest from the ConfigMap; the migration Job migrates every service', () => {
  const fromSecret = (container: Record<string, any>) =>
    Object.fromEntries(
      (container.env as Array<{ name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>)
        .filter((entry) => entry.valueFrom?.secretKeyRef)
        .map((entry) => [entry.name, entry.valueFrom!.secretKeyRef]),
    );
  const gateway = containersOf(named('Deployment', 'gateway'))[0];
  expect(fromSecret(gateway)).toEqual({
    GATEWAY_SIGNING_KEY: { name: 'movement-signing-key', key: 'private' },
    ACCESS_DATABASE_URL: { name: 'movement-databases', key: 'access' },
    REGISTRY_DATABASE_URL: { name: 'movement-databases', key: 'registry' },
  });
  for (const name of serviceNames.filter((service) => service !== 'gateway')) {
    const container = containersOf(named('Deployment', name))[0];
    expect(fromSecret(container)).toEqual({
      GATEWAY_VERIFY_KEY: { name: 'movement-signing-key', key: 'public' },
      [`${name.toUpperCase()}_DATABASE_URL`]: { name: 'movement-databases', key: name },
    });
  }
  // Nothing secret is written into the manifests themselves.
  expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  const config = named('ConfigMap', 'movement-config').data as Record<string, string>;
  expect(Object.keys(config).filter((key) => /KEY|PASSWORD|DATABASE_URL/.test(key))).toEqual([]);

  const job = named('Job', 'migrate');
  expect(job.spec.template.spec.restartPolicy).toBe('Never');
  expect(
    containersOf(job)
      .map((container) => (container.args as string[]).join(' '))
      .sort(),
  ).toEqual(serviceNames.map((name) => `migrate ${name}`).sort());
});

test('PostgreSQL and Redis are external services the configuration points at', () => {
  expect(named('Service', 'postgres').spec.type).toBe('ExternalName');
  expect(named('Service', 'redis').spec.type).toBe('ExternalName');
  expect((named('ConfigMap', 'movement-config').data as Record<string, string>).REDIS_URL).toBe('redis://redis:6379');
});

test('deploy/compose.yaml runs the same services on one host, with PostgreSQL and Redis', () => {
  // Compose files share settings through YAML merge keys (`<<: *service`).
  const compose = parse(readFileSync(join(root, 'deploy', 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Record<string, any>> };
  expect(Object.keys(compose.services).sort()).toEqual([...serviceNames, 'migrate', 'postgres', 'redis'].sort());
  for (const name of serviceNames) {
    const service = compose.services[name];
    expect(service.command).toEqual(['serve', name]);
    expect(service.depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(service.healthcheck.test.join(' ')).toContain('/ready');
  }
  const migrations = (compose.services.migrate.command as string[]).join(' ');
  for (const name of serviceNames) expect(migrations).toContain(`migrate ${name}`);
  // The same image as Kubernetes runs, built from the repository's Dockerfile.
  expect(compose.services.gateway.build).toEqual({ context: '..', dockerfile: 'Dockerfile' });
});

test('the image starts the launcher this package builds, as a non-root user', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const entrypoint = /^ENTRYPOINT (.+)$/m.exec(dockerfile)![1];
  expect(JSON.parse(entrypoint)).toEqual(['node', 'launcher/dist/cli.js']);
  expect(existsSync(join(root, 'launcher', 'dist', 'cli.js'))).toBe(true);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/npm ci --omit=dev/);
  // Every workspace's package.json reaches the dependencies stage, or `npm ci` there refuses the lock.
  const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
});
