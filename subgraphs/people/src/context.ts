import type { BaseSubgraphContext } from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import { createLoaders, type Loaders } from './loaders';

/** What every people resolver receives: one Prisma client, loaders made for this request. */
export interface Context extends BaseSubgraphContext {
  prisma: PrismaClient;
  loaders: Loaders;
}

export function createContext(base: BaseSubgraphContext, prisma: PrismaClient): Context {
  return { ...base, prisma, loaders: createLoaders(prisma, base.principal) };
}
