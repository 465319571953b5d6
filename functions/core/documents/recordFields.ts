/** A string field of a record: its path (recipient.name, awardees[2].unit), its own key, its text. */
export interface RecordField {
  readonly path: string;
  /** The key it is stored under; an array's items take the array's key (collectives[1] → collectives). */
  readonly key: string;
  readonly text: string;
}

/** Every string field of a record, depth first in the record's own order. */
export function* recordFields(value: unknown, path = '', key = ''): Generator<RecordField> {
  if (typeof value === 'string') yield { path, key, text: value };
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* recordFields(item, `${path}[${index}]`, key);
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) yield* recordFields(item, path ? `${path}.${name}` : name, name);
  }
}
