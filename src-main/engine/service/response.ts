import { ApiError, type VigilApi } from '../../../src-shared/api.js';
import { recordAudit } from '../store/audit.js';
import { addAllowListEntry, AllowListValueError, listAllowList, removeAllowListEntry } from '../store/allowlist.js';
import type { CaseDatabase } from '../store/database.js';
import { forgetIncidentDerivation } from '../store/incidents.js';
import { markLockoutsLifted } from '../store/lockouts.js';
import { latestCompleteRunId } from '../store/queries/model-runs.js';
import { lockoutList } from '../store/queries/lockouts.js';

/** The contract methods over the response side: the allow-list and account locks. */
export type ResponseMethods = Pick<VigilApi, 'listAllowList' | 'addAllowListEntry' | 'removeAllowListEntry' | 'listLockouts' | 'liftLockout'>;

/** What the response methods share with the service. */
export interface ResponseContext {
  db: CaseDatabase;
  actor: string;
  /** Clears the service's cached aggregates (alert counts change with the allow-list). */
  changed(): void;
  now?: () => number;
}

/**
 * Allow-list changes silence (or bring back) alerts: the cached counts are dropped and the newest run's
 * incidents are derived again on next use, keeping their triage.
 */
export function createResponseMethods({ db, actor, changed, now = Date.now }: ResponseContext): ResponseMethods {
  const allowListChanged = (): void => {
    const runId = latestCompleteRunId(db);
    if (runId !== null) forgetIncidentDerivation(db, runId);
    changed();
  };
  return {
    listAllowList: async () => listAllowList(db),
    async addAllowListEntry(input) {
      try {
        const entry = addAllowListEntry(db, input, actor);
        allowListChanged();
        return entry;
      } catch (error) {
        if (error instanceof AllowListValueError) throw new ApiError('ValidationError', error.message);
        throw error;
      }
    },
    async removeAllowListEntry(id) {
      if (!removeAllowListEntry(db, id, actor)) throw new ApiError('NotFound', `no allow-list entry #${id} in this case`);
      allowListChanged();
      return listAllowList(db);
    },
    listLockouts: async () => lockoutList(db, now()),
    async liftLockout(user) {
      const lifted = markLockoutsLifted(db, user, now(), actor);
      if (lifted === 0) throw new ApiError('NotFound', `no lock on '${user}' to lift`);
      recordAudit(db, actor, 'lockout.lift', { user, locks: lifted });
      return lockoutList(db, now());
    },
  };
}
