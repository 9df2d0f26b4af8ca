/**
 * A LIKE/ILIKE pattern matching `text` anywhere: its own `%`, `_` and `\` are escaped (backslash
 * is LIKE's default escape character), so a search for "50%" finds "50%", not "50 anything".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
