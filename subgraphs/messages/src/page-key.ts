import type { Page } from '@movement/runtime';

/**
 * A page as a DataLoader key: parents asking for the same `first`/`after` share one batch, and
 * the batch function needs the page back to build its SQL.
 */
export const pageKey = (page: Page): string => JSON.stringify(page);

export const pageFromKey = (key: string): Page => JSON.parse(key) as Page;
