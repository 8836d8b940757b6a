/** A pack that cannot be imported; says where, so the author can fix the file. */
export class PackError extends Error {
  constructor(
    message: string,
    readonly location: { line?: number; field?: string } = {},
  ) {
    const where = [location.line !== undefined ? `line ${location.line}` : undefined, location.field]
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${message}` : message);
    this.name = 'PackError';
  }
}
