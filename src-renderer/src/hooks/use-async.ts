import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../src-shared/api';

/** The state of a value loaded from the engine. */
export interface AsyncState<T> {
  data: T | null;
  error: ApiError | null;
  /** True while a load is under way (the previous data stays visible meanwhile). */
  loading: boolean;
  reload(): void;
}

/**
 * Load a value whenever `key` changes; late answers to an outdated key are dropped, so a fast typist
 * never sees the result of an older query.
 */
export function useAsync<T>(load: () => Promise<T>, key: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const serialisedKey = JSON.stringify(key);

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef
      .current()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((reason: ApiError) => {
        if (current) setError(reason);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [serialisedKey, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, error, loading, reload };
}
