export { academicYearPage } from './academic-year.js';
export { committeePage } from './committee.js';
export { type FigureFormat, formatFigure } from './figures.js';
