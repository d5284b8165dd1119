import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { asApiError } from '../../api/use-api-get';
import { historyPath, type HistoryEntry, type HistoryPage } from './inbox-api';

interface Conversation {
  /** Older pages the user asked for, then the newest page; oldest to newest. */
  entries: HistoryEntry[];
  /** Where the oldest loaded page ends; null when the beginning is on screen. */
  olderBefore: string | null;
}

/**
 * One conversation's history: the newest page, read again on `refresh` (a live event), and the older pages the user
 * asks for, kept across refreshes. Mount it once per conversation (a `key` on the id).
 */
export const useConversation = (id: number) => {
  const [older, setOlder] = useState<{ entries: HistoryEntry[]; before: string | null } | null>(null);
  const [newest, setNewest] = useState<HistoryPage>();
  const [error, setError] = useState<ApiError>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api.get<HistoryPage>(historyPath(id)).then(
      (page) => {
        if (!current) return;
        setNewest(page);
        setError(undefined);
      },
      (failure: unknown) => current && setError(asApiError(failure)),
    );
    return () => {
      current = false;
    };
  }, [id, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const conversation: Conversation | undefined = newest && {
    entries: [...(older?.entries ?? []).filter((entry) => entry.at < (newest.entries[0]?.at ?? '')), ...newest.entries],
    olderBefore: older ? older.before : newest.next_before,
  };

  const loadOlder = useCallback(async () => {
    const before = conversation?.olderBefore;
    if (!before) return;
    setLoadingOlder(true);
    try {
      const page = await api.get<HistoryPage>(historyPath(id, before));
      setOlder((previous) => ({ entries: [...page.entries, ...(previous?.entries ?? [])], before: page.next_before }));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setLoadingOlder(false);
    }
  }, [conversation?.olderBefore, id]);

  return { conversation, error, loadingOlder, loadOlder, refresh };
};
