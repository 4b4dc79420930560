import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AssistanceProgramme as AssistanceProgrammeModel, Distribution as DistributionModel, AssistanceRecord as AssistanceRecordModel, ReunificationSupport as ReunificationSupportModel, DistributionItem as DistributionItemModel } from './prisma/client';
import { EntityReference as EntityReferenceModel } from '../references';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  federation__FieldSet: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A programme of assistance run by one partner in one sector over a period, in a set of areas
 * (IATI activity, 3W "who does what where").
 */
export type AssistanceProgramme = {
  __typename?: 'AssistanceProgramme';
  /** Distributions under this programme, most recent first. */
  distributions: DistributionConnection;
  /** Last day of the programme (ISO 8601 date); null while open-ended. */
  endDate: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Name of the programme, e.g. `Winter support to displaced families, Belgorod`. */
  name: Scalars['String']['output'];
  /** The partner running the programme. */
  partner: Organization;
  /** Humanitarian sector (cluster) of the programme. */
  sector: Sector;
  /** First day of the programme (ISO 8601 date). */
  startDate: Scalars['String']['output'];
  /** Areas the programme targets. */
  targetAreas: Array<Location>;
};


/**
 * A programme of assistance run by one partner in one sector over a period, in a set of areas
 * (IATI activity, 3W "who does what where").
 */
export type AssistanceProgrammeDistributionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of programmes. */
export type AssistanceProgrammeConnection = {
  __typename?: 'AssistanceProgrammeConnection';
  /** The programmes on this page with their cursors. */
  edges: Array<AssistanceProgrammeEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A programme and its position in a list. */
export type AssistanceProgrammeEdge = {
  __typename?: 'AssistanceProgrammeEdge';
  /** Opaque cursor; pass it as `after` to continue after this programme. */
  cursor: Scalars['String']['output'];
  /** The programme. */
  node: AssistanceProgramme;
};

/** Assistance given to one person or household: what, how much, when, where and by whom. */
export type AssistanceRecord = {
  __typename?: 'AssistanceRecord';
  /** The person who received it (the head of household for household assistance). */
  beneficiary: Person;
  /** ISO 4217 currency code when `unit` is `CURRENCY`; null otherwise. */
  currency: Maybe<Scalars['String']['output']>;
  /** When it was given (ISO 8601 date). */
  date: Scalars['String']['output'];
  /** The distribution it was part of; null for assistance given outside a distribution. */
  distribution: Maybe<Distribution>;
  /** Number of people in the household served; 1 for an individual. */
  householdSize: Scalars['Int']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The item, e.g. `food parcel`. */
  item: Scalars['String']['output'];
  /** Where it was given. */
  location: Location;
  /** How it was given. */
  modality: Modality;
  /** The partner that gave it. */
  partner: Organization;
  /** Quantity in `unit`; never negative. */
  quantity: Scalars['Float']['output'];
  /** The partner that recorded it. */
  recordedBy: Organization;
  /** Partners the record is shared with, besides the one that recorded it. */
  sharedWith: Array<Organization>;
  /** Unit of `quantity`. */
  unit: Unit;
};

/** A page of assistance records. */
export type AssistanceRecordConnection = {
  __typename?: 'AssistanceRecordConnection';
  /** The records on this page with their cursors. */
  edges: Array<AssistanceRecordEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** An assistance record and its position in a list. */
export type AssistanceRecordEdge = {
  __typename?: 'AssistanceRecordEdge';
  /** Opaque cursor; pass it as `after` to continue after this record. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: AssistanceRecord;
};

/** A distribution: assistance handed out at one place on one day by one partner. */
export type Distribution = {
  __typename?: 'Distribution';
  /** When it took place (ISO 8601 date). */
  date: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What was handed out, in total. */
  items: Array<DistributionItem>;
  /** Where it took place. */
  location: Location;
  /** The partner that carried it out. */
  partner: Organization;
  /** The programme this distribution belongs to. */
  programme: AssistanceProgramme;
};

/** A page of distributions. */
export type DistributionConnection = {
  __typename?: 'DistributionConnection';
  /** The distributions on this page with their cursors. */
  edges: Array<DistributionEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A distribution and its position in a list. */
export type DistributionEdge = {
  __typename?: 'DistributionEdge';
  /** Opaque cursor; pass it as `after` to continue after this distribution. */
  cursor: Scalars['String']['output'];
  /** The distribution. */
  node: Distribution;
};

/** One item of a distribution and its total quantity. */
export type DistributionItem = {
  __typename?: 'DistributionItem';
  /** ISO 4217 currency code when `unit` is `CURRENCY`; null otherwise. */
  currency: Maybe<Scalars['String']['output']>;
  /** The item, e.g. `food parcel`, `hygiene kit`, `cash grant`. */
  item: Scalars['String']['output'];
  /** How it was given. */
  modality: Modality;
  /** Total quantity in `unit`; never negative. */
  quantity: Scalars['Float']['output'];
  /** Unit of `quantity`. */
  unit: Unit;
};

/** A place, as the assistance subgraph sees it. */
export type Location = {
  __typename?: 'Location';
  /** Distributions held at this place, most recent first. */
  distributions: DistributionConnection;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};


/** A place, as the assistance subgraph sees it. */
export type LocationDistributionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How assistance is given. */
export type Modality =
  /** Cash. */
  | 'CASH'
  /** Goods handed over. */
  | 'IN_KIND'
  /** A service such as transport or an escort. */
  | 'SERVICE'
  /** A voucher exchanged for goods or services. */
  | 'VOUCHER';

/** An organisation, owned by the locations subgraph. */
export type Organization = {
  __typename?: 'Organization';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** Relay page information for keyset-paginated lists. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item on this page; pass it as `after` for the next page. Null when the page is empty. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was asked for with `after`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item on this page; null when the page is empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A person, as the assistance subgraph sees them. */
export type Person = {
  __typename?: 'Person';
  /** Assistance this person received, most recent first. */
  assistanceReceived: AssistanceRecordConnection;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};


/** A person, as the assistance subgraph sees them. */
export type PersonAssistanceReceivedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One assistance record by id; null when it does not exist. */
  assistanceRecord: Maybe<AssistanceRecord>;
  /** One distribution by id; null when it does not exist. */
  distribution: Maybe<Distribution>;
  /** One programme by id; null when it does not exist. */
  programme: Maybe<AssistanceProgramme>;
  /** Programmes, ordered by start date, newest first. */
  programmes: AssistanceProgrammeConnection;
};


export type QueryAssistanceRecordArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDistributionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProgrammeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProgrammesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sector?: InputMaybe<Sector>;
};

/** Where a reunification support stands. */
export type ReunificationOutcome =
  /** Carried out; the person rejoined their relatives. */
  | 'COMPLETED'
  /** Could not be carried out. */
  | 'FAILED'
  /** Planned, not yet carried out. */
  | 'PLANNED';

/**
 * Support given to bring a family back together: an escort, travel, documents or help at a border
 * crossing, linked to the tracing request that found the person.
 */
export type ReunificationSupport = {
  __typename?: 'ReunificationSupport';
  /** The border crossing used, when the journey crossed a border. */
  borderCrossing: Maybe<Location>;
  /** When it was given (ISO 8601 date). */
  date: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What kind of support was given. */
  kind: ReunificationSupportKind;
  /** Where it stands. */
  outcome: ReunificationOutcome;
  /** The partner that gave it. */
  partner: Organization;
  /** The person supported (often a child or an older person). */
  person: Person;
  /** The partner that recorded it. */
  recordedBy: Organization;
  /** Partners the record is shared with, besides the one that recorded it. */
  sharedWith: Array<Organization>;
  /** The tracing request this support follows. */
  tracingRequest: TracingRequest;
};

/** Kinds of reunification support. */
export type ReunificationSupportKind =
  /** Coordination with the authorities at a border crossing. */
  | 'BORDER_CROSSING'
  /** Help with travel or identity documents. */
  | 'DOCUMENTS'
  /** Someone travels with the person. */
  | 'ESCORT'
  /** Tickets, transport or accommodation on the way. */
  | 'TRAVEL';

/** Humanitarian sectors (IASC clusters) the Movement reports against. */
export type Sector =
  /** Cash and livelihoods (early recovery). */
  | 'EARLY_RECOVERY'
  /** Food security. */
  | 'FOOD_SECURITY'
  /** Health. */
  | 'HEALTH'
  /** Protection, including restoring family links. */
  | 'PROTECTION'
  /** Shelter and non-food items. */
  | 'SHELTER'
  /** Water, sanitation and hygiene. */
  | 'WASH';

/** A tracing request, as the assistance subgraph sees it. */
export type TracingRequest = {
  __typename?: 'TracingRequest';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Support given to reunite the family after this request, oldest first. */
  reunificationSupport: Array<ReunificationSupport>;
};

/** Units of measure for quantities of assistance. */
export type Unit =
  /** An amount of money in `currency`. */
  | 'CURRENCY'
  /** Kilograms. */
  | 'KG'
  /** A kit (hygiene kit, kitchen set). */
  | 'KIT'
  /** Litres. */
  | 'LITRE'
  /** A parcel (food parcel). */
  | 'PARCEL'
  /** A single item (blanket, mattress). */
  | 'PIECE';

export type Link__Purpose =
  | 'EXECUTION'
  | 'SECURITY';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  AssistanceProgramme: AssistanceProgramme;
  AssistanceRecord: AssistanceRecord;
  Distribution: Distribution;
  Location: Location;
  Person: Person;
  ReunificationSupport: ReunificationSupport;
  TracingRequest: TracingRequest;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AssistanceProgramme:
    ( { __typename: 'AssistanceProgramme' }
    & GraphQLRecursivePick<FederationTypes['AssistanceProgramme'], {"id":true}> );
  AssistanceRecord:
    ( { __typename: 'AssistanceRecord' }
    & GraphQLRecursivePick<FederationTypes['AssistanceRecord'], {"id":true}> );
  Distribution:
    ( { __typename: 'Distribution' }
    & GraphQLRecursivePick<FederationTypes['Distribution'], {"id":true}> );
  Location:
    ( { __typename: 'Location' }
    & GraphQLRecursivePick<FederationTypes['Location'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  ReunificationSupport:
    ( { __typename: 'ReunificationSupport' }
    & GraphQLRecursivePick<FederationTypes['ReunificationSupport'], {"id":true}> );
  TracingRequest:
    ( { __typename: 'TracingRequest' }
    & GraphQLRecursivePick<FederationTypes['TracingRequest'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssistanceProgramme: ResolverTypeWrapper<AssistanceProgrammeModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssistanceProgrammeConnection: ResolverTypeWrapper<Omit<AssistanceProgrammeConnection, 'edges'> & { edges: Array<ResolversTypes['AssistanceProgrammeEdge']> }>;
  AssistanceProgrammeEdge: ResolverTypeWrapper<Omit<AssistanceProgrammeEdge, 'node'> & { node: ResolversTypes['AssistanceProgramme'] }>;
  AssistanceRecord: ResolverTypeWrapper<AssistanceRecordModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AssistanceRecordConnection: ResolverTypeWrapper<Omit<AssistanceRecordConnection, 'edges'> & { edges: Array<ResolversTypes['AssistanceRecordEdge']> }>;
  AssistanceRecordEdge: ResolverTypeWrapper<Omit<AssistanceRecordEdge, 'node'> & { node: ResolversTypes['AssistanceRecord'] }>;
  Distribution: ResolverTypeWrapper<DistributionModel>;
  DistributionConnection: ResolverTypeWrapper<Omit<DistributionConnection, 'edges'> & { edges: Array<ResolversTypes['DistributionEdge']> }>;
  DistributionEdge: ResolverTypeWrapper<Omit<DistributionEdge, 'node'> & { node: ResolversTypes['Distribution'] }>;
  DistributionItem: ResolverTypeWrapper<DistributionItemModel>;
  Location: ResolverTypeWrapper<EntityReferenceModel>;
  Modality: Modality;
  Organization: ResolverTypeWrapper<EntityReferenceModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<EntityReferenceModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReunificationOutcome: ReunificationOutcome;
  ReunificationSupport: ResolverTypeWrapper<ReunificationSupportModel>;
  ReunificationSupportKind: ReunificationSupportKind;
  Sector: Sector;
  TracingRequest: ResolverTypeWrapper<EntityReferenceModel>;
  Unit: Unit;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AssistanceProgramme: AssistanceProgrammeModel;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AssistanceProgrammeConnection: Omit<AssistanceProgrammeConnection, 'edges'> & { edges: Array<ResolversParentTypes['AssistanceProgrammeEdge']> };
  AssistanceProgrammeEdge: Omit<AssistanceProgrammeEdge, 'node'> & { node: ResolversParentTypes['AssistanceProgramme'] };
  AssistanceRecord: AssistanceRecordModel;
  Float: Scalars['Float']['output'];
  AssistanceRecordConnection: Omit<AssistanceRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['AssistanceRecordEdge']> };
  AssistanceRecordEdge: Omit<AssistanceRecordEdge, 'node'> & { node: ResolversParentTypes['AssistanceRecord'] };
  Distribution: DistributionModel;
  DistributionConnection: Omit<DistributionConnection, 'edges'> & { edges: Array<ResolversParentTypes['DistributionEdge']> };
  DistributionEdge: Omit<DistributionEdge, 'node'> & { node: ResolversParentTypes['Distribution'] };
  DistributionItem: DistributionItemModel;
  Location: EntityReferenceModel;
  Organization: EntityReferenceModel;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: EntityReferenceModel;
  Query: Record<PropertyKey, never>;
  ReunificationSupport: ReunificationSupportModel;
  TracingRequest: EntityReferenceModel;
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
}>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url?: Maybe<Scalars['String']['input']>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = Context, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = Context, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssistanceProgrammeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceProgramme'] = ResolversParentTypes['AssistanceProgramme'], FederationReferenceType extends FederationReferenceTypes['AssistanceProgramme'] = FederationReferenceTypes['AssistanceProgramme']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AssistanceProgramme']> | FederationReferenceType, FederationReferenceType, ContextType>;
  distributions?: Resolver<ResolversTypes['DistributionConnection'], ParentType, ContextType, Partial<AssistanceProgrammeDistributionsArgs>>;
  endDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  sector?: Resolver<ResolversTypes['Sector'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetAreas?: Resolver<Array<ResolversTypes['Location']>, ParentType, ContextType>;
}>;

export type AssistanceProgrammeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceProgrammeConnection'] = ResolversParentTypes['AssistanceProgrammeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AssistanceProgrammeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AssistanceProgrammeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceProgrammeEdge'] = ResolversParentTypes['AssistanceProgrammeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AssistanceProgramme'], ParentType, ContextType>;
}>;

export type AssistanceRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceRecord'] = ResolversParentTypes['AssistanceRecord'], FederationReferenceType extends FederationReferenceTypes['AssistanceRecord'] = FederationReferenceTypes['AssistanceRecord']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AssistanceRecord']> | FederationReferenceType, FederationReferenceType, ContextType>;
  beneficiary?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distribution?: Resolver<Maybe<ResolversTypes['Distribution']>, ParentType, ContextType>;
  householdSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  modality?: Resolver<ResolversTypes['Modality'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
}>;

export type AssistanceRecordConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceRecordConnection'] = ResolversParentTypes['AssistanceRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AssistanceRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AssistanceRecordEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AssistanceRecordEdge'] = ResolversParentTypes['AssistanceRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AssistanceRecord'], ParentType, ContextType>;
}>;

export type DistributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Distribution'] = ResolversParentTypes['Distribution'], FederationReferenceType extends FederationReferenceTypes['Distribution'] = FederationReferenceTypes['Distribution']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Distribution']> | FederationReferenceType, FederationReferenceType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['DistributionItem']>, ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  programme?: Resolver<ResolversTypes['AssistanceProgramme'], ParentType, ContextType>;
}>;

export type DistributionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DistributionConnection'] = ResolversParentTypes['DistributionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DistributionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DistributionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DistributionEdge'] = ResolversParentTypes['DistributionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Distribution'], ParentType, ContextType>;
}>;

export type DistributionItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DistributionItem'] = ResolversParentTypes['DistributionItem']> = ResolversObject<{
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  item?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modality?: Resolver<ResolversTypes['Modality'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location'], FederationReferenceType extends FederationReferenceTypes['Location'] = FederationReferenceTypes['Location']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Location']> | FederationReferenceType, FederationReferenceType, ContextType>;
  distributions?: Resolver<ResolversTypes['DistributionConnection'], ParentType, ContextType, Partial<LocationDistributionsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type OrganizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assistanceReceived?: Resolver<ResolversTypes['AssistanceRecordConnection'], ParentType, ContextType, Partial<PersonAssistanceReceivedArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  assistanceRecord?: Resolver<Maybe<ResolversTypes['AssistanceRecord']>, ParentType, ContextType, RequireFields<QueryAssistanceRecordArgs, 'id'>>;
  distribution?: Resolver<Maybe<ResolversTypes['Distribution']>, ParentType, ContextType, RequireFields<QueryDistributionArgs, 'id'>>;
  programme?: Resolver<Maybe<ResolversTypes['AssistanceProgramme']>, ParentType, ContextType, RequireFields<QueryProgrammeArgs, 'id'>>;
  programmes?: Resolver<ResolversTypes['AssistanceProgrammeConnection'], ParentType, ContextType, Partial<QueryProgrammesArgs>>;
}>;

export type ReunificationSupportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReunificationSupport'] = ResolversParentTypes['ReunificationSupport'], FederationReferenceType extends FederationReferenceTypes['ReunificationSupport'] = FederationReferenceTypes['ReunificationSupport']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ReunificationSupport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  borderCrossing?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReunificationSupportKind'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['ReunificationOutcome'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  tracingRequest?: Resolver<ResolversTypes['TracingRequest'], ParentType, ContextType>;
}>;

export type TracingRequestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TracingRequest'] = ResolversParentTypes['TracingRequest'], FederationReferenceType extends FederationReferenceTypes['TracingRequest'] = FederationReferenceTypes['TracingRequest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TracingRequest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reunificationSupport?: Resolver<Array<ResolversTypes['ReunificationSupport']>, ParentType, ContextType>;
}>;

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  AssistanceProgramme?: AssistanceProgrammeResolvers<ContextType>;
  AssistanceProgrammeConnection?: AssistanceProgrammeConnectionResolvers<ContextType>;
  AssistanceProgrammeEdge?: AssistanceProgrammeEdgeResolvers<ContextType>;
  AssistanceRecord?: AssistanceRecordResolvers<ContextType>;
  AssistanceRecordConnection?: AssistanceRecordConnectionResolvers<ContextType>;
  AssistanceRecordEdge?: AssistanceRecordEdgeResolvers<ContextType>;
  Distribution?: DistributionResolvers<ContextType>;
  DistributionConnection?: DistributionConnectionResolvers<ContextType>;
  DistributionEdge?: DistributionEdgeResolvers<ContextType>;
  DistributionItem?: DistributionItemResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReunificationSupport?: ReunificationSupportResolvers<ContextType>;
  TracingRequest?: TracingRequestResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
