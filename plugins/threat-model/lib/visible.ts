/** Values quoted in findings, made safe to print anywhere. */

/**
 * Control characters as escapes (`\u001b`), so a value can neither drive the
 * terminal nor forge a line of the report.
 */
export function visible(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}
