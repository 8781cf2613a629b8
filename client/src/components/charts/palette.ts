/**
 * Line colours that stay apart on the dark background and for the common colour blindnesses
 * (Okabe–Ito, lightened for a dark screen); the desk's own figure is drawn in the text colour.
 */
export const SERIES_COLOURS = [
  '#e8eef5',
  '#56b4e9',
  '#e69f00',
  '#3ddc84',
  '#f0e442',
  '#cc79a7',
  '#ff7f50',
  '#b39ddb',
  '#9fb0c2',
];

export const colourOf = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length];
