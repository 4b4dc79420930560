import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generated, never edited, never committed: `npm run build` regenerates everything here.
 * - resolver types per subgraph, mapped to that subgraph's Prisma models;
 * - the typed client `@movement/client` (TypedDocumentNode) and the persisted-operation manifest
 *   for the operations internal apps keep in schema/operations/. Its files are plain ES modules
 *   that partners' apps compile with `moduleResolution: nodenext` or run under Node's type
 *   stripping: type-only imports are `import type`, relative imports name the `.ts` file (the
 *   package's build rewrites them to `.js`), and no enum (a value that stripping cannot erase).
 */
const subgraphs: Record<string, Record<string, string>> = {
  locations: {
    Location: './prisma/client#Location',
    Organization: './prisma/client#Organization',
    BorderCrossing: '../crossings#CrossingModel',
    BorderCrossingPeriod: './prisma/client#BorderCrossingPeriod',
  },
  people: {
    Person: './prisma/client#Person',
    FamilyLink: './prisma/client#FamilyLink',
    TracingRequest: './prisma/client#TracingRequest',
    DetentionRecord: './prisma/client#DetentionRecord',
    DetentionVisit: './prisma/client#DetentionVisit',
    AccessRequestStep: './prisma/client#DetentionAccessStep',
    DetentionEvent: './prisma/client#DetentionEvent',
    DetentionNotification: './prisma/client#DetentionNotification',
    TracingConsent: '../consent/whereabouts#ConsentModel',
    RecordForReview: '../retention/review#ReviewRow',
    Location: '../references#LocationReference',
    RedCrossMessage: '../references#MessageReference',
  },
  assistance: {
    AssistanceProgramme: './prisma/client#AssistanceProgramme',
    Distribution: './prisma/client#Distribution',
    AssistanceRecord: './prisma/client#AssistanceRecord',
    ReunificationSupport: './prisma/client#ReunificationSupport',
    Person: '../references#EntityReference',
    Location: '../references#EntityReference',
    TracingRequest: '../references#EntityReference',
    Organization: '../references#EntityReference',
    DistributionItem: './prisma/client#DistributionItem',
    AssistanceReport: '../report#ReportModel',
    AssistanceTotal: '../report#TotalModel',
  },
  messages: {
    RedCrossMessage: './prisma/client#RedCrossMessage',
    MessageStatusChange: './prisma/client#MessageStatusChange',
    Person: '../references#PersonReference',
    DetentionVisit: '../references#VisitReference',
    PartnerMessageCounts: '../message-counts#PartnerMessageCounts',
  },
};

const generates: CodegenConfig['generates'] = {};
for (const [name, mappers] of Object.entries(subgraphs)) {
  generates[`subgraphs/${name}/src/generated/graphql.ts`] = {
    schema: [`subgraphs/${name}/schema.graphql`, 'schema/federation-directives.graphql'],
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      contextType: '../context#Context',
      mappers,
      mapperTypeSuffix: 'Model',
      enumsAsTypes: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      scalars: { ID: 'string', federation__Scope: 'string' },
    },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...generates,
    'client/src/generated/': {
      schema: 'schema/api.graphql',
      documents: ['schema/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, emitLegacyCommonJSImports: false, importExtension: '.ts' },
    },
  },
};

export default config;
