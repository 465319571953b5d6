import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The ICC's sRGB profile (sRGB2014, ICC v2 as PDF/A-1 needs, 3 KB) as npm's pdfkit ships it; the
 * Lambda bundle copies it beside the code and names it in AWARD_SRGB_ICC (infra engineBundling).
 */
export const SRGB_PROFILE_MODULE_PATH = 'pdfkit/js/data/sRGB_IEC61966_2_1.icc';

let profile: Uint8Array | undefined;

/** The sRGB profile's bytes, read once per process: every document's OutputIntent embeds them. */
export function srgbProfile(): Uint8Array {
  profile ??= readFileSync(
    process.env.AWARD_SRGB_ICC ?? createRequire(import.meta.url).resolve(SRGB_PROFILE_MODULE_PATH),
  );
  return profile;
}
