import { StrictMode, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './explorer.css';

/**
 * The explorer the gateway serves at `/graphql` (and `/admin/graphql`) to a browser. Everything it
 * needs, Monaco's workers included, is bundled into the gateway's build: it works on a network
 * that reaches nothing but the gateway.
 */

const page = document.body.dataset;
const endpoint = new URL(page.endpoint ?? 'graphql', window.location.href).href;
const assets = new URL(page.assets ?? 'explorer/', window.location.href);
// Per endpoint, so an admin token pasted for the admin API is not sent to the graph, nor a key the other way.
const storageKey = `movement-graph.credential:${new URL(endpoint).pathname}`;

const workers: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
(globalThis as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker: (_id, label) => new Worker(new URL(workers[label] ?? 'editor.worker.js', assets)),
};

/** Both a partner API key and a signed token travel as `Authorization: Bearer`; a pasted "Bearer " prefix is tolerated. */
const authorization = (credential: string): Record<string, string> => {
  const value = credential.trim().replace(/^Bearer\s+/i, '');
  return value ? { authorization: `Bearer ${value}` } : {};
};

const readStored = (): string => {
  try {
    return window.sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
};

function Explorer() {
  // Session storage: the credential is gone when the tab closes, and never shared with other tabs.
  const [credential, setCredential] = useState(readStored);
  const [draft, setDraft] = useState(credential);
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: endpoint, headers: authorization(credential) }), [credential]);

  const use = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value) window.sessionStorage.setItem(storageKey, value);
    else window.sessionStorage.removeItem(storageKey);
    setCredential(value);
  };
  const forget = () => {
    window.sessionStorage.removeItem(storageKey);
    setDraft('');
    setCredential('');
  };

  return (
    <div className="mg-explorer">
      <form className="mg-credential" onSubmit={use} aria-label="Credentials">
        <strong className="mg-title">{page.title ?? 'Movement Graph'}</strong>
        <label htmlFor="mg-credential-input">{page.credentialLabel ?? 'API key or bearer token'}</label>
        <input
          id="mg-credential-input"
          name="credential"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="mgk_… or eyJ…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Use</button>
        <button type="button" onClick={forget} disabled={!credential && !draft}>
          Forget
        </button>
        <span className="mg-status" role="status">
          {credential ? 'The schema shown is what this credential may read.' : 'Paste a credential to load the schema.'}
        </span>
      </form>
      {/* A new credential sees another schema: remount so GraphiQL introspects again. Without
          one there is nothing to introspect (the gateway would answer 401), so GraphiQL does not ask. */}
      <GraphiQL key={credential} fetcher={fetcher} schema={credential ? undefined : null} defaultEditorToolsVisibility />
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
