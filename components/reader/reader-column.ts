import type { ReadingMode } from './reading-mode';

/**
 * Width and gutters of the reading column per mode. Prose has a right gutter for permalinks;
 * pages mode a left one for page numbers.
 */
export const READER_COLUMN_CLASS: Record<ReadingMode, string> = {
  single: 'max-w-2xl pr-6 sm:box-content sm:px-9',
  pages: 'max-w-2xl pr-6 pl-11 sm:box-content sm:pr-9 sm:pl-20',
  parallel: 'max-w-6xl',
};

/** The toolbar lines up with the text on wide screens and takes the full width on phones. */
export const READER_TOOLBAR_CLASS: Record<ReadingMode, string> = {
  single: 'max-w-2xl sm:box-content sm:px-9',
  pages: 'max-w-2xl sm:box-content sm:pr-9 sm:pl-20',
  parallel: 'max-w-6xl',
};
