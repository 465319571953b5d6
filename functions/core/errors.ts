/**
 * The project's error hierarchy. Every error carries the context needed to act on it
 * and a message that says what to fix; none of them should reach a user as a stack trace.
 */
export class DocumentError extends Error {
  override name = 'DocumentError';
  /** The record the error is about, once it is known. */
  readonly recordId: string | undefined;
  constructor(message: string, options?: { cause?: unknown; recordId?: string | undefined }) {
    super(message, options);
    this.recordId = options?.recordId;
  }
}

/** A template is malformed, or produced a layout the engine cannot read. */
export class TemplateError extends DocumentError {
  override name = 'TemplateError';
  constructor(
    readonly template: string,
    readonly line: number | undefined,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`template ${template}${line === undefined ? '' : `, line ${line}`}: ${reason}`, options);
  }
}

/** No configured font can draw a character of a record's text. */
export class MissingGlyphError extends DocumentError {
  override name = 'MissingGlyphError';
  readonly codePoint: string;
  constructor(
    readonly character: string,
    readonly fontRole: string,
    recordId: string | undefined,
    readonly field: string | undefined,
  ) {
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `${recordId === undefined ? '' : `record ${recordId}: `}${field === undefined ? '' : `${field}: `}` +
        `no configured font can draw "${character}" (${codePoint}) in role "${fontRole}"; ` +
        `add a font that has it to the role's fallback list, or correct the text`,
      { recordId },
    );
    this.codePoint = codePoint;
  }
}

/** The font configuration points at a file that is missing or is not a usable TrueType font. */
export class FontConfigurationError extends DocumentError {
  override name = 'FontConfigurationError';
}

/** Content does not fit where the layout requires it to (e.g. a certificate that runs over a page). */
export class LayoutOverflowError extends DocumentError {
  override name = 'LayoutOverflowError';
}

/**
 * Whether an error is the record's own fault (invalid, a character no font has, text that does
 * not fit), so retrying cannot help; template and font faults are the deployment's, and are
 * retried once it is mended.
 */
export function isRecordFault(error: unknown): error is DocumentError {
  return error instanceof DocumentError && !(error instanceof TemplateError) && !(error instanceof FontConfigurationError);
}
