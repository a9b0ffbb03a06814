import type { ReactNode } from 'react';
import type { ApiError } from '../../../src-shared/api';

/** A quiet loading line; `label` says what is being loaded. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An error the user can read and, when it makes sense, retry. */
export function ErrorMessage({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>{error.name === 'InternalError' ? 'Something went wrong' : error.name.replace(/([a-z])([A-Z])/g, '$1 $2')}</strong>
      <span>{error.message}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** An empty state: what is missing and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children && <div className="state-detail">{children}</div>}
    </div>
  );
}
