import type { ListPage, ResourcePath, ResourceTypes } from '@clinikapi/core';

/** Search parameters of a resource path, including `count` and `cursor`. */
export type SearchParamsOf<P extends ResourcePath> = ResourceTypes<P>['search'];
/** Search parameters without `cursor`, for infinite lists that follow cursors themselves. */
export type InfiniteParamsOf<P extends ResourcePath> = Omit<SearchParamsOf<P>, 'cursor'>;
export type RecordOf<P extends ResourcePath> = ResourceTypes<P>['record'];
export type CreateOf<P extends ResourcePath> = ResourceTypes<P>['create'];
export type PatchOf<P extends ResourcePath> = ResourceTypes<P>['patch'];
export type PageOf<P extends ResourcePath> = ListPage<RecordOf<P>>;
