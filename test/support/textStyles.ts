import type { TextStyle } from '../../functions/core/engine/layout/LayoutModel.js';

/** The GB/T 9704 body style: 16 pt 仿宋 tightened by 0.25 pt, on a 225 mm / 22 line pitch. */
export const officialBody: TextStyle = {
  name: 'body',
  font: 'fangsong',
  size: 16,
  color: [0, 0, 0],
  tracking: -0.25,
  leading: (225 * 72) / 25.4 / 22,
  autospace: true,
};

/** The body area's width: 156 mm. */
export const officialWidth = (156 * 72) / 25.4;
