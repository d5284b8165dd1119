import { createContext, useContext } from 'react';
import type { ConsoleConfig, User } from '../api/types';

export interface ConsoleContextValue {
  config: ConsoleConfig;
  user: User;
  signOut: () => Promise<void>;
  /** Reads the server's settings again, e.g. after a coordinator renamed a service. */
  refreshConfig: () => Promise<void>;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

/** The signed-in user and the server's settings; only inside the signed-in console. */
export const useConsole = (): ConsoleContextValue => {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
};

/** Service and status names as the city's catalog spells them; the code itself when unknown. */
export const useCatalogNames = () => {
  const { config } = useConsole();
  return {
    serviceName: (code: string): string => config.services.find((s) => s.code === code)?.name ?? code,
    statusLabel: (code: string): string => config.statuses.find((s) => s.code === code)?.label ?? code,
  };
};
