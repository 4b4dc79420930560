import { getOperationAST, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { auditExtension, type AuditBuffer } from './access';
import { answerWith, type CompiledExecution } from './compiled-execution';
import { distinctRepresentations, everyCopy, everyCopyErrors } from './entity-batches';
import { fieldWithNulCharacter } from './input-text';
import type { DirectPath } from './graphql-http';
import type { ServiceMetrics } from './telemetry';

/**
 * The gateway's requests answered without Apollo Server's request pipeline, when the answer is
 * one Apollo Server would give without any of its own work. A subgraph answers the same few
 * operations thousands of times over, and the pipeline (a hash of the query text per request,
 * the document looked up by it, a dozen awaited plugin hooks, the response's headers built and
 * copied) cost a large share of each small request's CPU once the operation itself was compiled.
 *
 * A request takes this path only when it is a POST of a JSON object with a query text Apollo
 * Server has already parsed, validated and run (see `knownDocument`), an operation the document
 * names, no persisted-query or other extensions, an `accept` header Apollo Server has answered
 * before, and no NUL character in its input. Then it runs the compiled operation with the same
 * context, with each distinct entity representation once, and answers as Apollo Server and this
 * service's plugins would: status 200, field errors masked and formatted as Apollo Server formats
 * them, the data in the gateway's order with the audit extension, the request counted. Anything
 * else goes to Apollo Server, and so does a result without data or with an error that sets its
 * own HTTP status, which Apollo Server answers with its statuses: the result already computed is
 * handed to it (`answerWith`), so no resolver runs twice.
 */

/** Most `accept` headers whose content type is remembered; a gateway sends one or two. */
const maxAcceptHeaders = 64;

/** The members of a POST body Apollo Server reads; any other makes the request its own. */
interface GraphqlBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function graphqlBody(body: unknown): GraphqlBody | null {
  if (!isRecord(body) || typeof body.query !== 'string') return null;
  for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return null;
  const { operationName, variables } = body;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  return body as unknown as GraphqlBody;
}

/** An error as Apollo Server formats it: a code for every error (INTERNAL_SERVER_ERROR when it had none), then `formatError`. */
function formattedError(error: GraphQLError, format: FormatError): GraphQLFormattedError {
  const extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
  try {
    return format({ ...error.toJSON(), extensions }, error);
  } catch {
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface DirectRequestsOptions<Context> {
  execution: CompiledExecution;
  metrics: ServiceMetrics;
  /** The service's error masking, as its Apollo Server plugin and `formatError` apply it. */
  masking: {
    encountered(errors: readonly GraphQLError[], context: Context, request: { variables?: Record<string, unknown> }): void;
    formatError: FormatError;
  };
  /** False once the service stops: Apollo Server then answers what still arrives. */
  running(): boolean;
}

/**
 * Answers what it can directly; Apollo Server answers the rest (with the context made, and the
 * result when one was computed), and tells which content type an `accept` header gets.
 */
export function directRequests<Context extends { audit: AuditBuffer }>(options: DirectRequestsOptions<Context>): DirectPath<Context> {
  const { execution, metrics } = options;
  // The content type Apollo Server answered a successful request with, by its `accept` header:
  // Apollo Server negotiates it from that header alone, so the next request with it gets the same.
  // No header is kept as an empty one: Apollo Server answers both alike.
  const contentTypes = new LRUCache<string, string>({ max: maxAcceptHeaders });
  return {
    answered: (req, status, contentType) => {
      // A POST's single result: not a landing page, not a multipart stream of results.
      if (req.method !== 'POST' || status !== 200 || !contentType?.startsWith('application/') || contentTypes.has(req.headers.accept ?? '')) return;
      contentTypes.set(req.headers.accept ?? '', contentType);
    },
    answer: async (req, res, body, context) => {
      const started = process.hrtime.bigint();
      const request = req.method === 'POST' && options.running() ? graphqlBody(body) : null;
      const contentType = request ? contentTypes.get(req.headers.accept ?? '') : undefined;
      const document = request && contentType ? execution.knownDocument(request.query) : undefined;
      if (!request || !contentType || !document) return false;
      const operationName = request.operationName ?? undefined;
      const operation = getOperationAST(document, operationName);
      const given = request.variables ?? {};
      if (!operation || fieldWithNulCharacter(document, given) !== undefined) return false;
      const distinct = distinctRepresentations(operation, given);
      let contextValue: Context;
      try {
        contextValue = await context();
      } catch {
        // Apollo Server answers a context that cannot be made, as it always has.
        return false;
      }
      const running = execution.run(document, operationName, distinct?.variables ?? given, contextValue);
      if (!running) return false;
      const result = await running;
      const { errors } = result;
      // No data at all (variables that do not coerce, a failed root field) and an error that sets
      // its own HTTP status are answered with Apollo Server's statuses.
      if (
        result.data === undefined ||
        result.data === null ||
        errors?.some((error) => !(error instanceof GraphQLError) || error.extensions.http !== undefined)
      ) {
        answerWith(contextValue, result);
        return false;
      }
      let formatted: GraphQLFormattedError[] | undefined;
      if (errors?.length) {
        options.masking.encountered(errors, contextValue, { variables: distinct?.variables ?? given });
        formatted = errors.map((error) => formattedError(error, options.masking.formatError));
        if (distinct) formatted = everyCopyErrors(formatted, distinct.positions);
      }
      const reads = contextValue.audit.entries();
      // In Apollo Server's order: errors, data, extensions; and as it writes a result, a newline after.
      const text = `${JSON.stringify({
        errors: formatted,
        data: distinct ? everyCopy(result.data, distinct.positions) : result.data,
        extensions: reads.length > 0 ? { ...result.extensions, [auditExtension]: reads } : result.extensions,
      })}\n`;
      metrics.answered(operation.name?.value, formatted ? 'partial' : 'ok', started);
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return true;
    },
  };
}
