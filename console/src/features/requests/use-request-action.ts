import { useState } from 'react';
import { asApiError } from '../../api/use-api-get';

/** Runs one change on a request at a time, keeping the API's Portuguese message when it fails. */
export const useRequestAction = (onDone: () => void) => {
  const [running, setRunning] = useState<string>();
  const [error, setError] = useState<string>();
  const run = async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
    setRunning(name);
    setError(undefined);
    try {
      await action();
      onDone();
      return true;
    } catch (failure) {
      setError(asApiError(failure).message);
      return false;
    } finally {
      setRunning(undefined);
    }
  };
  return { running, error, run };
};
