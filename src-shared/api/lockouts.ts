/** An account lock after a brute-force burst: logins are refused, even with the right password, until it ends or is lifted. */
export interface Lockout {
  id: number;
  user: string;
  lockedAt: number;
  until: number;
  reason: string;
  liftedAt: number | null;
  liftedBy: string | null;
  /** Neither expired nor lifted now. */
  active: boolean;
}
