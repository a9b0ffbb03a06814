/** A file that cannot be imported at all (unreadable, unknown format, unusable header, bad options). */
export class ImportError extends Error {
  override name = 'ImportError';
}
