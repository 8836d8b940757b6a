/** A file that import cannot read, with a message to show the user as it is. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
