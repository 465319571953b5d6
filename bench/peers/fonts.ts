/** The two font files every renderer in the benchmark uses (Noto Serif SC, TrueType). */
import { fileURLToPath } from 'node:url';

const FONT_DIR = fileURLToPath(new URL('../../node_modules/@expo-google-fonts/noto-serif-sc/', import.meta.url));
export const NOTO_SERIF_SC_REGULAR = `${FONT_DIR}400Regular/NotoSerifSC_400Regular.ttf`;
export const NOTO_SERIF_SC_BOLD = `${FONT_DIR}700Bold/NotoSerifSC_700Bold.ttf`;
