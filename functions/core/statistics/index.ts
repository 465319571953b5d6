export type { AwardCount, BulletinFigures, Figures, League, PraiseCount } from './Figures.js';
export { addFigures } from './addFigures.js';
export { compileFigures } from './compileFigures.js';
export { countFigures } from './countFigures.js';
export { emptyFigures } from './emptyFigures.js';
export { figuresOf } from './recordContribution.js';
export { summarySentence } from './summarySentence.js';
export { subtractFigures } from './subtractFigures.js';
