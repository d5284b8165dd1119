import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client';

interface Loaded<T> {
  path: string;
  version: number;
  data?: T;
  error?: ApiError;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Algo deu errado. Recarregue a página.');

/**
 * Reads `path` from the API and again whenever it changes or `reload` is called; null reads nothing. While a reload
 * runs, the last answer for the same path stays on screen.
 */
export const useApiGet = <T,>(path: string | null) => {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>();
  useEffect(() => {
    if (path === null) return;
    let current = true;
    api.get<T>(path).then(
      (data) => current && setLoaded({ path, version, data }),
      (error: unknown) => current && setLoaded({ path, version, error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const forPath = loaded?.path === path ? loaded : undefined;
  return {
    data: forPath?.data,
    error: forPath?.error,
    loading: path !== null && (forPath === undefined || forPath.version !== version),
    reload,
  };
};

export { asApiError };
