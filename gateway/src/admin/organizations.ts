import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from '@movement/runtime';
import type { GatewayContext } from '../context';
import type { OrganizationPages, PartnerOrganization } from './admin-api';

const organizationsQuery = `query AdminOrganizations($type: OrganizationType, $first: Int, $after: String) {
  organizations(type: $type, first: $first, after: $after) {
    edges { cursor node { id type name shortName countryCode parent { id } } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface OrganizationsData {
  organizations: {
    edges: Array<{ cursor: string; node: Omit<PartnerOrganization, 'parentId'> & { parent: { id: string } | null } }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

/**
 * Organisations belong to the locations subgraph; the admin API reads them through the public
 * graph as the admin, so the same access rules, limits, signing and cursors apply as to any
 * other caller, and the admin API keeps no second path to a subgraph.
 */
export function organizationsThroughGraph(graph: () => ApolloServer<GatewayContext>, logger: Logger): OrganizationPages {
  return async (principal, requestId, args) => {
    const response = await graph().executeOperation<OrganizationsData>(
      { query: organizationsQuery, variables: args },
      {
        contextValue: {
          principal,
          requestId,
          logger: logger.child({ requestId, subject: principal.subject }),
          operationName: null,
          auditReads: [],
          trustedDocumentsOnly: false,
        },
      },
    );
    if (response.body.kind !== 'single') throw new GraphQLError('Unexpected incremental answer.');
    const { data, errors } = response.body.singleResult;
    const [error] = errors ?? [];
    // The graph's own answer (BAD_USER_INPUT naming `type` or `after`, SERVICE_UNAVAILABLE, …), passed on.
    if (error || !data) throw new GraphQLError(error?.message ?? 'No organisations answered.', { extensions: error?.extensions ?? {} });
    return {
      edges: data.organizations.edges.map(({ cursor, node: { parent, ...node } }) => ({ cursor, node: { ...node, parentId: parent?.id ?? null } })),
      pageInfo: data.organizations.pageInfo,
    };
  };
}
