import { useEffect, useRef } from 'react';
import type { VigilEvent } from '../../../src-shared/api';
import { useClient } from '../client/context';

/** Receive pushed events while the component is mounted. */
export function useVigilEvent(listener: (event: VigilEvent) => void): void {
  const client = useClient();
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  useEffect(() => client.onEvent((event) => listenerRef.current(event)), [client]);
}
