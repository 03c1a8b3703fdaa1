import type { ReadingMode } from './reading-mode';

/**
 * Width and gutters of the reading column per mode. Prose has a right gutter for each segment's
 * actions (permalink, report an error); pages mode a left one for page numbers.
 */
export const READER_COLUMN_CLASS: Record<ReadingMode, string> = {
  single: 'max-w-2xl pr-11 sm:box-content sm:pr-16 sm:pl-9',
  pages: 'max-w-2xl pr-11 pl-11 sm:box-content sm:pr-16 sm:pl-20',
  parallel: 'max-w-6xl',
};

/** The toolbar lines up with the text on wide screens and takes the full width on phones. */
export const READER_TOOLBAR_CLASS: Record<ReadingMode, string> = {
  single: 'max-w-2xl sm:box-content sm:pr-16 sm:pl-9',
  pages: 'max-w-2xl sm:box-content sm:pr-16 sm:pl-20',
  parallel: 'max-w-6xl',
};
