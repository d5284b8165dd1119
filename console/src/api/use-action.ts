import { useState } from 'react';
import { asApiError } from './use-api-get';

/** Runs one action at a time, remembering which is running and the API's Portuguese message when one fails. */
export const useAction = (onDone: () => void) => {
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

  return { running, error, run, dismissError: () => setError(undefined) };
};
