// Collects the values of a parameterised statement while its text is assembled from fixed
// fragments: user input only ever travels as a `$n` value, never as SQL text.

export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$1`, `$2`, ...), optionally with a cast. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
