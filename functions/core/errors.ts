/**
 * The project's faults. Each says whose fault it is, and so whether trying again can help:
 * - a RecordFault is the record's own (invalid, a character no font has, text that does not fit):
 *   retrying cannot help, so the award is marked FAILED with the reason and not retried;
 * - a DeploymentFault is the deployment's (a template, a font, the subsetter): the record is
 *   retried and an alarm raised, and it renders once the deployment is mended; never FAILED;
 * - a TransientFault is the moment's (throttling, an S3 5xx, a timeout): retried.
 * Callers decide by these classes, never by exclusion: an error of no class (a bug) is treated
 * as the deployment's.
 */
export abstract class Fault extends Error {
  abstract readonly retried: boolean;
}

export class RecordFault extends Fault {
  override name = 'RecordFault';
  readonly retried = false;
  /** The record the fault is about, once it is known. */
  readonly recordId: string | undefined;
  /** The record's field at fault (recipient.name, awardees[3].unit), when one is. */
  readonly field: string | undefined;
  constructor(
    message: string,
    options?: { cause?: unknown; recordId?: string | undefined; field?: string | undefined },
  ) {
    super(message, options);
    this.recordId = options?.recordId;
    this.field = options?.field;
  }
}

export class DeploymentFault extends Fault {
  override name = 'DeploymentFault';
  readonly retried = true;
}

export class TransientFault extends Fault {
  override name = 'TransientFault';
  readonly retried = true;
}

/** A template is malformed, or produced a layout the engine cannot read. */
export class TemplateError extends DeploymentFault {
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

/** The font configuration points at a file that is missing or is not a usable font. */
export class FontConfigurationError extends DeploymentFault {
  override name = 'FontConfigurationError';
}

/** HarfBuzz could not subset a font: the font file or the subsetter is at fault, not the record. */
export class SubsettingError extends DeploymentFault {
  override name = 'SubsettingError';
}

/** No configured font can draw a character of a record's text. */
export class MissingGlyphError extends RecordFault {
  override name = 'MissingGlyphError';
  readonly codePoint: string;
  constructor(
    readonly character: string,
    readonly fontRole: string,
    recordId: string | undefined,
    field: string | undefined,
  ) {
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `${recordId === undefined ? '' : `record ${recordId}: `}${field === undefined ? '' : `${field}: `}` +
        `no configured font can draw "${character}" (${codePoint}) in role "${fontRole}"; ` +
        `add a font that has it to the role's fallback list, or correct the text`,
      { recordId, field },
    );
    this.codePoint = codePoint;
  }
}

/** Content does not fit where the layout requires it to (e.g. a certificate that runs over a page). */
export class LayoutOverflowError extends RecordFault {
  override name = 'LayoutOverflowError';
  /** The text that does not fit, when one text is at fault: the record's field holding it can then be named. */
  readonly text: string | undefined;
  constructor(
    message: string,
    options?: { cause?: unknown; recordId?: string | undefined; text?: string | undefined; field?: string | undefined },
  ) {
    super(message, options);
    this.text = options?.text;
  }
}

export const isRecordFault = (error: unknown): error is RecordFault => error instanceof RecordFault;
