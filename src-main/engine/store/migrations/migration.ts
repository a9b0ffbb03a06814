/** One numbered schema step, applied in its own transaction and recorded in PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
