import { useState } from 'react';
import { asApiError } from '../../api/use-api-get';

/** Runs one action at a time on a conversation, remembering which is running and the API's message when one fails. */
export const useInboxAction = (onDone: () => void) => {
  const [running, setRunning] = useState<string>();
  const [error, setError] = useState<string>();

  const run = async (name: string, action: () => Promise<void>): Promise<boolean> => {
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
