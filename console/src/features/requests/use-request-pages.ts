import { useState } from 'react';
import { api } from '../../api/client';
import { asApiError, useApiGet } from '../../api/use-api-get';
import { listPath, type BoardFilters } from './board-filters';
import type { RequestPage, RequestSummary } from './requests-api';

/** The board's requests: the first page for the filters, and older pages appended on demand. */
export const useRequestPages = (filters: BoardFilters) => {
  const path = listPath(filters);
  const first = useApiGet<RequestPage>(path);
  const [older, setOlder] = useState<{ path: string; requests: RequestSummary[]; next: number | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Older pages and their error belong to the filters they were read for; other filters start again from page one.
  const [moreError, setMoreError] = useState<{ path: string; message: string }>();

  const extra = older?.path === path ? older : undefined;
  const requests = [...(first.data?.requests ?? []), ...(extra?.requests ?? [])];
  const next = extra ? extra.next : (first.data?.next_before ?? null);

  const loadMore = async (): Promise<void> => {
    if (next === null) return;
    setLoadingMore(true);
    try {
      const page = await api.get<RequestPage>(listPath(filters, next));
      setOlder({ path, requests: [...(extra?.requests ?? []), ...page.requests], next: page.next_before });
    } catch (error) {
      setMoreError({ path, message: asApiError(error).message });
    } finally {
      setLoadingMore(false);
    }
  };

  return { requests, loading: first.loading && !first.data, error: first.error?.message ?? (moreError?.path === path ? moreError.message : undefined), hasMore: next !== null, loadingMore, loadMore, reload: first.reload };
};
