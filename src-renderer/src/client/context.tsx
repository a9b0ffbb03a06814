import { createContext, useContext } from 'react';
import type { VigilBridge } from '../../../src-shared/api';

/** The contract client for the whole UI. */
export const ClientContext = createContext<VigilBridge | null>(null);

/** The contract client; views call its methods and subscribe to its events. */
export function useClient(): VigilBridge {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}
