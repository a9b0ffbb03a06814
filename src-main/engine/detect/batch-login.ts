import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { detectionLogin, type EventDictionaries } from '../store/detection-input.js';
import type { DetectionBatch } from '../workers/detection-read-protocol.js';

/** The columns of a batch that make its logins (all but the texts it brought). */
export type LoginColumns = Omit<DetectionBatch, 'texts'>;

/** The login of one row of a batch, its texts looked up in the table both threads grow alike. */
export function batchLogin(batch: LoginColumns, row: number, texts: readonly string[], dictionaries: EventDictionaries): DetectionLogin {
  const asn = batch.asns[row];
  return detectionLogin(
    dictionaries,
    batch.ids[row],
    batch.times[row],
    texts[batch.users[row]],
    batch.successes[row] === 1,
    batch.ips[row] < 0 ? null : texts[batch.ips[row]],
    batch.networks[row] < 0 ? null : texts[batch.networks[row]],
    Number.isNaN(asn) ? null : asn,
    batch.places[row] < 0 ? null : batch.places[row],
    batch.clients[row] < 0 ? null : batch.clients[row],
  );
}
