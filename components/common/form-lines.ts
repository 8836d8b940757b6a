/** A text area's items, one per line, blank lines and outer spaces dropped. */
export const formLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A text field's value by name; a file field or a missing one reads as empty. */
export const formText = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
