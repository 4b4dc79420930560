import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Person as PersonModel, FamilyLink as FamilyLinkModel, TracingRequest as TracingRequestModel, DetentionRecord as DetentionRecordModel, DetentionVisit as DetentionVisitModel } from './prisma/client';
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

/** Where a request for access to a detainee stands. */
export type AccessStatus =
  /** Access refused by the detaining authority. */
  | 'DENIED'
  /** Access granted by the detaining authority. */
  | 'GRANTED'
  /** No access requested yet. */
  | 'NOT_REQUESTED'
  /** Access requested, no answer yet. */
  | 'REQUESTED';

/**
 * The registration of a person deprived of liberty (a prisoner of war or a protected civilian) and
 * the ICRC's requests for access and its visits.
 */
export type DetentionRecord = {
  __typename?: 'DetentionRecord';
  /** Where the request for access to this person stands. */
  accessStatus: AccessStatus;
  /** Date of capture or arrest (ISO 8601 date). */
  captureDate: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The detained person. */
  person: Person;
  /** Where the person is held. */
  placeOfDetention: Location;
  /** The partner that recorded the detention. */
  recordedBy: Organization;
  /** ICRC registration number or the detaining authority's number. */
  registrationNumber: Scalars['String']['output'];
  /** Partners the record is shared with, besides the one that recorded it. */
  sharedWith: Array<Organization>;
  /** Visits to this person, most recent first. */
  visits: Array<DetentionVisit>;
};

/** A page of detention records. */
export type DetentionRecordConnection = {
  __typename?: 'DetentionRecordConnection';
  /** The records on this page with their cursors. */
  edges: Array<DetentionRecordEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A detention record and its position in a list. */
export type DetentionRecordEdge = {
  __typename?: 'DetentionRecordEdge';
  /** Opaque cursor; pass it as `after` to continue after this record. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: DetentionRecord;
};

/** A visit to a detainee. */
export type DetentionVisit = {
  __typename?: 'DetentionVisit';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** True when the delegates could speak with the detainee in private. */
  privateInterview: Scalars['Boolean']['output'];
  /** The organisation whose delegates visited. */
  visitedBy: Organization;
  /** Date of the visit (ISO 8601 date). */
  visitedOn: Scalars['String']['output'];
};

/** A recorded family relationship between two people. */
export type FamilyLink = {
  __typename?: 'FamilyLink';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The person the link belongs to. */
  person: Person;
  /** What the relative is to the person (e.g. `PARENT`: the relative is the person's parent). */
  relationship: Relationship;
  /** The relative. */
  relative: Person;
};

/** The legal basis for processing personal data (ICRC Rules on Personal Data Protection). */
export type LegalBasis =
  /** The informed, freely given consent of the person. */
  | 'CONSENT'
  /** A legal obligation, e.g. under the Geneva Conventions. */
  | 'LEGAL_OBLIGATION'
  /** A legitimate interest of the organisation. */
  | 'LEGITIMATE_INTEREST'
  /** An important ground of public interest, such as the Movement's mandate. */
  | 'PUBLIC_INTEREST'
  /** Protecting the vital interests of the person or another person. */
  | 'VITAL_INTEREST';

/** A place, as the people subgraph sees it. */
export type Location = {
  __typename?: 'Location';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** People last seen at this place, most recently seen first. */
  peopleLastSeenHere: PersonConnection;
};


/** A place, as the people subgraph sees it. */
export type LocationPeopleLastSeenHereArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

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

/**
 * A person the Movement protects, traces or assists: a civilian, a displaced person, a detainee, a
 * missing or deceased person, or a relative looking for one. Names are kept in their original script
 * with Latin forms beside them.
 */
export type Person = {
  __typename?: 'Person';
  /** Full birth date (ISO 8601 `YYYY-MM-DD`) when known; null when only the year or nothing is known. */
  birthDate: Maybe<Scalars['String']['output']>;
  /** Year of birth when known, also when the full date is not. */
  birthYear: Maybe<Scalars['Int']['output']>;
  /** Detention records of this person. */
  detentionRecords: Array<DetentionRecord>;
  /** Recorded relationships to other people. */
  familyLinks: Array<FamilyLink>;
  /** Family name in the original script. */
  familyName: Scalars['String']['output'];
  /** Given and family name in the original script, in the usual order. */
  fullName: Scalars['String']['output'];
  /** Given name in the original script, as the person or their family writes it. */
  givenName: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** True when the person is under 18 today (from the birth date or year); children need particular care in every record. */
  isMinor: Scalars['Boolean']['output'];
  /** Where the person was last seen or is known to be; null when unknown. */
  lastSeenAt: Maybe<Location>;
  /** When the person was last seen (ISO 8601 date); null when unknown. */
  lastSeenOn: Maybe<Scalars['String']['output']>;
  /** Legal basis for processing the record. */
  legalBasis: LegalBasis;
  /** Every spelling of the name: the original and its romanisations (Russian, Ukrainian or Belarusian system, passport form). */
  names: Array<PersonName>;
  /** ISO 3166-1 alpha-2 code of the nationality; null when unknown. */
  nationality: Maybe<Scalars['String']['output']>;
  /** Patronymic (father's name), where the naming custom has one; null otherwise. */
  patronymic: Maybe<Scalars['String']['output']>;
  /** Why the record is kept (e.g. `restoring family links`). */
  purpose: Scalars['String']['output'];
  /** The partner that recorded this person. */
  recordedBy: Organization;
  /** Sex as recorded. */
  sex: Sex;
  /** Partners this record is shared with, besides the one that recorded it. */
  sharedWith: Array<Organization>;
  /** The person's situation as last recorded. */
  status: PersonStatus;
  /** Tracing requests in which this person is sought. */
  tracingRequests: Array<TracingRequest>;
  /** Vulnerabilities that call for particular care. */
  vulnerabilities: Array<Vulnerability>;
};

/** A page of people. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** The people on this page with their cursors. */
  edges: Array<PersonEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A person and their position in a list. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** Opaque cursor; pass it as `after` to continue after this person. */
  cursor: Scalars['String']['output'];
  /** The person. */
  node: Person;
};

/** One spelling of a person's name. */
export type PersonName = {
  __typename?: 'PersonName';
  /** BCP 47 language the name was read in (`ru`, `uk`, `be`); null for a spelling given as is. */
  language: Maybe<Scalars['String']['output']>;
  /** How this spelling was made: `original`, or a romanisation system such as `ru-bgn-pcgn`, `uk-2010`, `be-2023`, `icao`. */
  scheme: Scalars['String']['output'];
  /** ISO 15924 script code: `Cyrl` or `Latn`. */
  script: Scalars['String']['output'];
  /** The full name in this spelling. */
  value: Scalars['String']['output'];
};

/** A person's situation. */
export type PersonStatus =
  /** A civilian not known to be displaced, detained or missing. */
  | 'CIVILIAN'
  /** Known to have died. */
  | 'DECEASED'
  /** Held as a prisoner of war, an internee or another protected person. */
  | 'DETAINED'
  /** Displaced by the conflict, inside the country or across a border. */
  | 'DISPLACED'
  /** Sought by relatives; whereabouts unknown. */
  | 'MISSING';

export type Query = {
  __typename?: 'Query';
  /** One detention record by id; null when it does not exist. */
  detentionRecord: Maybe<DetentionRecord>;
  /** Detention records, most recent capture first. */
  detentionRecords: DetentionRecordConnection;
  /** People ordered by family name, then given name. */
  people: PersonConnection;
  /** One person by id; null when it does not exist. */
  person: Maybe<Person>;
  /** One tracing request by id; null when it does not exist. */
  tracingRequest: Maybe<TracingRequest>;
  /** Tracing requests, most recently opened first. */
  tracingRequests: TracingRequestConnection;
};


export type QueryDetentionRecordArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDetentionRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  placeOfDetentionId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<PersonStatus>;
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTracingRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTracingRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TracingStatus>;
};

/** Family relationships. */
export type Relationship =
  /** The relative is the person's child. */
  | 'CHILD'
  /** The relative is the person's grandchild. */
  | 'GRANDCHILD'
  /** The relative is the person's grandparent. */
  | 'GRANDPARENT'
  /** Another relative. */
  | 'OTHER_RELATIVE'
  /** The relative is the person's parent. */
  | 'PARENT'
  /** Brother or sister. */
  | 'SIBLING'
  /** Husband, wife or partner. */
  | 'SPOUSE';

/** Sex as recorded on the person's file. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE'
  /** Not known or not stated. */
  | 'UNKNOWN';

/**
 * A family member's request to find a person they have lost contact with, filled in by a National
 * Society or the ICRC during an interview.
 */
export type TracingRequest = {
  __typename?: 'TracingRequest';
  /** Circumstances of the separation, in the enquirer's words. */
  circumstances: Scalars['String']['output'];
  /** Why the case was closed; null unless `status` is `CLOSED`. */
  closedReason: Maybe<Scalars['String']['output']>;
  /** The relative who asked for the search. */
  enquirer: Person;
  /** What the enquirer is to the sought person. */
  enquirerRelationship: Relationship;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Where the sought person was last seen; null when unknown. */
  lastSeenAt: Maybe<Location>;
  /** When the sought person was last seen (ISO 8601 date); null when unknown. */
  lastSeenOn: Maybe<Scalars['String']['output']>;
  /** When the request was taken (ISO 8601 date). */
  openedOn: Scalars['String']['output'];
  /** The partner that took the request. */
  recordedBy: Organization;
  /** Human-readable case reference, e.g. `TR-2024-000123`. */
  reference: Scalars['String']['output'];
  /** Partners the request is shared with, besides the one that recorded it. */
  sharedWith: Array<Organization>;
  /** The person sought. */
  soughtPerson: Person;
  /** Where the case stands. */
  status: TracingStatus;
};

/** A page of tracing requests. */
export type TracingRequestConnection = {
  __typename?: 'TracingRequestConnection';
  /** The requests on this page with their cursors. */
  edges: Array<TracingRequestEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A tracing request and its position in a list. */
export type TracingRequestEdge = {
  __typename?: 'TracingRequestEdge';
  /** Opaque cursor; pass it as `after` to continue after this request. */
  cursor: Scalars['String']['output'];
  /** The request. */
  node: TracingRequest;
};

/** Where a tracing case stands. */
export type TracingStatus =
  /** Closed without reunion; `closedReason` says why. */
  | 'CLOSED'
  /** The sought person was found. */
  | 'LOCATED'
  /** Taken, not yet worked on. */
  | 'OPEN'
  /** The family is back together. */
  | 'REUNITED'
  /** Being checked against lists and followed up in the field. */
  | 'SEARCHING';

/** Vulnerabilities recorded on a person. */
export type Vulnerability =
  /** A person with a disability. */
  | 'DISABILITY'
  /** An older person needing support. */
  | 'ELDERLY'
  /** A child separated from their parents or usual caregiver but with another adult. */
  | 'SEPARATED_CHILD'
  /** A child separated from both parents and not cared for by an adult. */
  | 'UNACCOMPANIED_CHILD';

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
  DetentionRecord: DetentionRecord;
  Location: Location;
  Person: Person;
  TracingRequest: TracingRequest;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  DetentionRecord:
    ( { __typename: 'DetentionRecord' }
    & GraphQLRecursivePick<FederationTypes['DetentionRecord'], {"id":true}> );
  Location:
    ( { __typename: 'Location' }
    & GraphQLRecursivePick<FederationTypes['Location'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  TracingRequest:
    ( { __typename: 'TracingRequest' }
    & GraphQLRecursivePick<FederationTypes['TracingRequest'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessStatus: AccessStatus;
  DetentionRecord: ResolverTypeWrapper<DetentionRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DetentionRecordConnection: ResolverTypeWrapper<Omit<DetentionRecordConnection, 'edges'> & { edges: Array<ResolversTypes['DetentionRecordEdge']> }>;
  DetentionRecordEdge: ResolverTypeWrapper<Omit<DetentionRecordEdge, 'node'> & { node: ResolversTypes['DetentionRecord'] }>;
  DetentionVisit: ResolverTypeWrapper<DetentionVisitModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  FamilyLink: ResolverTypeWrapper<FamilyLinkModel>;
  LegalBasis: LegalBasis;
  Location: ResolverTypeWrapper<Omit<Location, 'peopleLastSeenHere'> & { peopleLastSeenHere: ResolversTypes['PersonConnection'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Organization: ResolverTypeWrapper<Organization>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<PersonModel>;
  PersonConnection: ResolverTypeWrapper<Omit<PersonConnection, 'edges'> & { edges: Array<ResolversTypes['PersonEdge']> }>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  PersonName: ResolverTypeWrapper<PersonName>;
  PersonStatus: PersonStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Relationship: Relationship;
  Sex: Sex;
  TracingRequest: ResolverTypeWrapper<TracingRequestModel>;
  TracingRequestConnection: ResolverTypeWrapper<Omit<TracingRequestConnection, 'edges'> & { edges: Array<ResolversTypes['TracingRequestEdge']> }>;
  TracingRequestEdge: ResolverTypeWrapper<Omit<TracingRequestEdge, 'node'> & { node: ResolversTypes['TracingRequest'] }>;
  TracingStatus: TracingStatus;
  Vulnerability: Vulnerability;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DetentionRecord: DetentionRecordModel;
  ID: Scalars['ID']['output'];
  DetentionRecordConnection: Omit<DetentionRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['DetentionRecordEdge']> };
  DetentionRecordEdge: Omit<DetentionRecordEdge, 'node'> & { node: ResolversParentTypes['DetentionRecord'] };
  DetentionVisit: DetentionVisitModel;
  Boolean: Scalars['Boolean']['output'];
  FamilyLink: FamilyLinkModel;
  Location: Omit<Location, 'peopleLastSeenHere'> & { peopleLastSeenHere: ResolversParentTypes['PersonConnection'] } | FederationReferenceTypes['Location'];
  Int: Scalars['Int']['output'];
  Organization: Organization;
  PageInfo: PageInfo;
  Person: PersonModel;
  PersonConnection: Omit<PersonConnection, 'edges'> & { edges: Array<ResolversParentTypes['PersonEdge']> };
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  PersonName: PersonName;
  Query: Record<PropertyKey, never>;
  TracingRequest: TracingRequestModel;
  TracingRequestConnection: Omit<TracingRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['TracingRequestEdge']> };
  TracingRequestEdge: Omit<TracingRequestEdge, 'node'> & { node: ResolversParentTypes['TracingRequest'] };
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

export type DetentionRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DetentionRecord'] = ResolversParentTypes['DetentionRecord'], FederationReferenceType extends FederationReferenceTypes['DetentionRecord'] = FederationReferenceTypes['DetentionRecord']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DetentionRecord']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accessStatus?: Resolver<ResolversTypes['AccessStatus'], ParentType, ContextType>;
  captureDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  placeOfDetention?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  registrationNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  visits?: Resolver<Array<ResolversTypes['DetentionVisit']>, ParentType, ContextType>;
}>;

export type DetentionRecordConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DetentionRecordConnection'] = ResolversParentTypes['DetentionRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DetentionRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DetentionRecordEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DetentionRecordEdge'] = ResolversParentTypes['DetentionRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DetentionRecord'], ParentType, ContextType>;
}>;

export type DetentionVisitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DetentionVisit'] = ResolversParentTypes['DetentionVisit']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  privateInterview?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  visitedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  visitedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FamilyLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FamilyLink'] = ResolversParentTypes['FamilyLink']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  relationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType>;
  relative?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location'], FederationReferenceType extends FederationReferenceTypes['Location'] = FederationReferenceTypes['Location']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Location']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  peopleLastSeenHere?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, Partial<LocationPeopleLastSeenHereArgs>>;
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
  birthDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  birthYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  detentionRecords?: Resolver<Array<ResolversTypes['DetentionRecord']>, ParentType, ContextType>;
  familyLinks?: Resolver<Array<ResolversTypes['FamilyLink']>, ParentType, ContextType>;
  familyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMinor?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  lastSeenOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['LegalBasis'], ParentType, ContextType>;
  names?: Resolver<Array<ResolversTypes['PersonName']>, ParentType, ContextType>;
  nationality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  patronymic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  sex?: Resolver<ResolversTypes['Sex'], ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PersonStatus'], ParentType, ContextType>;
  tracingRequests?: Resolver<Array<ResolversTypes['TracingRequest']>, ParentType, ContextType>;
  vulnerabilities?: Resolver<Array<ResolversTypes['Vulnerability']>, ParentType, ContextType>;
}>;

export type PersonConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PersonEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type PersonNameResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonName'] = ResolversParentTypes['PersonName']> = ResolversObject<{
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  script?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  detentionRecord?: Resolver<Maybe<ResolversTypes['DetentionRecord']>, ParentType, ContextType, RequireFields<QueryDetentionRecordArgs, 'id'>>;
  detentionRecords?: Resolver<ResolversTypes['DetentionRecordConnection'], ParentType, ContextType, Partial<QueryDetentionRecordsArgs>>;
  people?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, Partial<QueryPeopleArgs>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  tracingRequest?: Resolver<Maybe<ResolversTypes['TracingRequest']>, ParentType, ContextType, RequireFields<QueryTracingRequestArgs, 'id'>>;
  tracingRequests?: Resolver<ResolversTypes['TracingRequestConnection'], ParentType, ContextType, Partial<QueryTracingRequestsArgs>>;
}>;

export type TracingRequestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TracingRequest'] = ResolversParentTypes['TracingRequest'], FederationReferenceType extends FederationReferenceTypes['TracingRequest'] = FederationReferenceTypes['TracingRequest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TracingRequest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  circumstances?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enquirer?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  enquirerRelationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  lastSeenOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  openedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  soughtPerson?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TracingStatus'], ParentType, ContextType>;
}>;

export type TracingRequestConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TracingRequestConnection'] = ResolversParentTypes['TracingRequestConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TracingRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TracingRequestEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TracingRequestEdge'] = ResolversParentTypes['TracingRequestEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TracingRequest'], ParentType, ContextType>;
}>;

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  DetentionRecord?: DetentionRecordResolvers<ContextType>;
  DetentionRecordConnection?: DetentionRecordConnectionResolvers<ContextType>;
  DetentionRecordEdge?: DetentionRecordEdgeResolvers<ContextType>;
  DetentionVisit?: DetentionVisitResolvers<ContextType>;
  FamilyLink?: FamilyLinkResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  PersonName?: PersonNameResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TracingRequest?: TracingRequestResolvers<ContextType>;
  TracingRequestConnection?: TracingRequestConnectionResolvers<ContextType>;
  TracingRequestEdge?: TracingRequestEdgeResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
