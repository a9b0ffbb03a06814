/**
 * Decides whether an alert is worth telling people about: once per incident, and again when the
 * incident's level rises (a spray that turns into a takeover); never during quiet hours, and an incident
 * first alerted in quiet hours is notified by its first alert after them.
 */
import { riskLevels, type RiskLevel } from '../../../src-shared/detect/ensemble.js';

/** Remembers, per incident, the highest level people were told about (for the session's lifetime). */
export class NotificationGate {
  private readonly notified = new Map<number, number>();

  /** True when an alert of `incidentId` (now at `level`) should be sent; `quiet` holds it back without remembering. */
  admit(incidentId: number | null, level: RiskLevel, quiet: boolean): boolean {
    if (quiet) return false;
    if (incidentId === null) return true;
    const rank = riskLevels.indexOf(level);
    const told = this.notified.get(incidentId);
    if (told !== undefined && rank <= told) return false;
    this.notified.set(incidentId, rank);
    return true;
  }
}
