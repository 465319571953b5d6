import QRCode from 'qrcode';

/** ISO/IEC 18004: a symbol must be surrounded by 4 blank modules for a reader to find it. */
export const QUIET_ZONE_MODULES = 4;

/** A horizontal run of dark modules in one row of a symbol, in modules. */
export interface ModuleRun {
  readonly row: number;
  readonly column: number;
  readonly length: number;
}

export interface QrModules {
  /** Modules on a side, quiet zone excluded (21 for version 1, 4 more for each version). */
  readonly count: number;
  readonly runs: readonly ModuleRun[];
}

/**
 * The dark modules of the QR code of a text, as one run per stretch of a row: a printed document
 * draws a rectangle per run rather than per module. Error correction M: 15 % of the symbol may be
 * lost (a fold, a smudge) and it still reads, while a URL of a hundred characters stays small.
 */
export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const runs: ModuleRun[] = [];
  for (let row = 0; row < count; row++) {
    let start = -1;
    for (let column = 0; column <= count; column++) {
      const dark = column < count && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      else if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { count, runs };
}
