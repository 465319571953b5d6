import type { z } from 'zod';

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Short lists read as a sentence ("must be 1, 2 or 3"), long ones as a list. */
function choices(values: readonly unknown[]): string {
  const shown = values.map(String);
  if (shown.length <= 3) {
    return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
  }
  return `one of: ${shown.join(', ')}`;
}

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string' || issue.origin === 'array') {
    if (min === 1) return 'must not be empty';
    return issue.origin === 'string' ? `must be at least ${min} characters` : `must have at least ${min} items`;
  }
  return `must be at least ${min}`;
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'string') return `must be at most ${max} characters`;
  if (issue.origin === 'array') return `must have at most ${max} items`;
  return `must be at most ${max}`;
}

/**
 * Plain-word messages for record validation, passed per parse so zod's defaults elsewhere
 * are untouched. Field-specific messages (patterns, the status rule) are set on the schema.
 */
export const recordErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.input === undefined ? 'required' : `must be ${choices(issue.values)}`;
    case 'invalid_union': {
      // A discriminated union reports the object as input and the tag's path.
      const tag =
        issue.discriminator === undefined ? undefined : (issue.input as Record<string, unknown>)[issue.discriminator];
      if (issue.discriminator !== undefined && tag === undefined) return 'required';
      return Array.isArray(issue.options) ? `must be ${choices(issue.options)}` : undefined;
    }
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return issue.format === 'datetime' ? 'must be an ISO 8601 date-time (e.g. 2020-02-05T10:30:00+08:00)' : undefined;
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return undefined;
  }
};
