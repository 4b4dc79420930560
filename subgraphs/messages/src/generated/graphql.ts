import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RedCrossMessage as RedCrossMessageModel, MessageStatusChange as MessageStatusChangeModel } from './prisma/client';
import { PersonReference as PersonReferenceModel } from '../references';
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

/** A place, owned by the locations subgraph. */
export type Location = {
  __typename?: 'Location';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** Where a Red Cross Message is on its way from sender to addressee. */
export type MessageStatus =
  /** Collected from the sender by a partner. */
  | 'COLLECTED'
  /** Handed to the addressee. */
  | 'DELIVERED'
  /** Written, not yet collected. */
  | 'DRAFTED'
  /** On its way to the delivering partner. */
  | 'IN_TRANSIT'
  /** Sent back to the sender. */
  | 'RETURNED'
  /** Checked by the ICRC and cleared for transmission. */
  | 'REVIEWED'
  /** Could not be delivered; the status history gives the reason. */
  | 'UNDELIVERABLE';

/** One step in a message's journey. */
export type MessageStatusChange = {
  __typename?: 'MessageStatusChange';
  /** When (ISO 8601 timestamp). */
  at: Scalars['String']['output'];
  /** Where it happened; null when not recorded. */
  location: Maybe<Location>;
  /** Why, when the step needs a reason (e.g. why it was undeliverable). */
  note: Maybe<Scalars['String']['output']>;
  /** The partner that made the change. */
  partner: Organization;
  /** The status the message entered. */
  status: MessageStatus;
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

/** A person, as the messages subgraph sees them. */
export type Person = {
  __typename?: 'Person';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Messages addressed to this person, newest first. */
  messagesReceived: RedCrossMessageConnection;
  /** Messages this person wrote, newest first. */
  messagesSent: RedCrossMessageConnection;
};


/** A person, as the messages subgraph sees them. */
export type PersonMessagesReceivedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person, as the messages subgraph sees them. */
export type PersonMessagesSentArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One message by id; null when it does not exist. */
  message: Maybe<RedCrossMessage>;
  /** Messages, newest first. */
  messages: RedCrossMessageConnection;
};


export type QueryMessageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<MessageStatus>;
};

/**
 * A Red Cross Message: short family news written by one relative to another, collected and delivered
 * in person by the Movement, checked by the ICRC before it travels.
 */
export type RedCrossMessage = {
  __typename?: 'RedCrossMessage';
  /** The relative the message is for. */
  addressee: Person;
  /** The addressee's address as written on the form; null when unknown (the message may then become a tracing request). */
  addresseeAddress: Maybe<Scalars['String']['output']>;
  /** The partner that collected the message from the sender. */
  collectingPartner: Organization;
  /** The family news itself. Only partners on the message's route with the content scope may read it. */
  content: Maybe<Scalars['String']['output']>;
  /** When the message was written down (ISO 8601 timestamp). */
  createdAt: Scalars['String']['output'];
  /** The partner that delivers it to the addressee; null until dispatched. */
  deliveringPartner: Maybe<Organization>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The message this one answers; null for a first message. */
  inReplyTo: Maybe<RedCrossMessage>;
  /** BCP 47 tag of the language the message is written in, e.g. `ru`, `uk`, `be`. */
  language: Scalars['String']['output'];
  /** The partner that recorded the message. */
  recordedBy: Organization;
  /** Human-readable reference written on the form, e.g. `RCM-2024-000123`. */
  reference: Scalars['String']['output'];
  /** Answers to this message. */
  replies: Array<RedCrossMessage>;
  /** The relative who wrote the message. */
  sender: Person;
  /** The sender's address as written on the form; null when withheld. */
  senderAddress: Maybe<Scalars['String']['output']>;
  /** Partners the message is shared with, besides the one that recorded it (its route). */
  sharedWith: Array<Organization>;
  /** Where the message is now. */
  status: MessageStatus;
  /** Every status the message went through, oldest first. */
  statusHistory: Array<MessageStatusChange>;
};

/** A page of Red Cross Messages. */
export type RedCrossMessageConnection = {
  __typename?: 'RedCrossMessageConnection';
  /** The messages on this page with their cursors. */
  edges: Array<RedCrossMessageEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A message and its position in a list. */
export type RedCrossMessageEdge = {
  __typename?: 'RedCrossMessageEdge';
  /** Opaque cursor; pass it as `after` to continue after this message. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: RedCrossMessage;
};

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
  Person: Person;
  RedCrossMessage: RedCrossMessage;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  RedCrossMessage:
    ( { __typename: 'RedCrossMessage' }
    & GraphQLRecursivePick<FederationTypes['RedCrossMessage'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Location: ResolverTypeWrapper<Location>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  MessageStatus: MessageStatus;
  MessageStatusChange: ResolverTypeWrapper<MessageStatusChangeModel>;
  Organization: ResolverTypeWrapper<Organization>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<PersonReferenceModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedCrossMessage: ResolverTypeWrapper<RedCrossMessageModel>;
  RedCrossMessageConnection: ResolverTypeWrapper<Omit<RedCrossMessageConnection, 'edges'> & { edges: Array<ResolversTypes['RedCrossMessageEdge']> }>;
  RedCrossMessageEdge: ResolverTypeWrapper<Omit<RedCrossMessageEdge, 'node'> & { node: ResolversTypes['RedCrossMessage'] }>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Location: Location;
  ID: Scalars['ID']['output'];
  MessageStatusChange: MessageStatusChangeModel;
  Organization: Organization;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Person: PersonReferenceModel;
  Int: Scalars['Int']['output'];
  Query: Record<PropertyKey, never>;
  RedCrossMessage: RedCrossMessageModel;
  RedCrossMessageConnection: Omit<RedCrossMessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['RedCrossMessageEdge']> };
  RedCrossMessageEdge: Omit<RedCrossMessageEdge, 'node'> & { node: ResolversParentTypes['RedCrossMessage'] };
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

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MessageStatusChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MessageStatusChange'] = ResolversParentTypes['MessageStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messagesReceived?: Resolver<ResolversTypes['RedCrossMessageConnection'], ParentType, ContextType, Partial<PersonMessagesReceivedArgs>>;
  messagesSent?: Resolver<ResolversTypes['RedCrossMessageConnection'], ParentType, ContextType, Partial<PersonMessagesSentArgs>>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  message?: Resolver<Maybe<ResolversTypes['RedCrossMessage']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  messages?: Resolver<ResolversTypes['RedCrossMessageConnection'], ParentType, ContextType, Partial<QueryMessagesArgs>>;
}>;

export type RedCrossMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedCrossMessage'] = ResolversParentTypes['RedCrossMessage'], FederationReferenceType extends FederationReferenceTypes['RedCrossMessage'] = FederationReferenceTypes['RedCrossMessage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RedCrossMessage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addressee?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  addresseeAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  collectingPartner?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  content?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveringPartner?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inReplyTo?: Resolver<Maybe<ResolversTypes['RedCrossMessage']>, ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replies?: Resolver<Array<ResolversTypes['RedCrossMessage']>, ParentType, ContextType>;
  sender?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  senderAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sharedWith?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['MessageStatusChange']>, ParentType, ContextType>;
}>;

export type RedCrossMessageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedCrossMessageConnection'] = ResolversParentTypes['RedCrossMessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RedCrossMessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type RedCrossMessageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedCrossMessageEdge'] = ResolversParentTypes['RedCrossMessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RedCrossMessage'], ParentType, ContextType>;
}>;

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  Location?: LocationResolvers<ContextType>;
  MessageStatusChange?: MessageStatusChangeResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedCrossMessage?: RedCrossMessageResolvers<ContextType>;
  RedCrossMessageConnection?: RedCrossMessageConnectionResolvers<ContextType>;
  RedCrossMessageEdge?: RedCrossMessageEdgeResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
