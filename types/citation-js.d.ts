/** The parts of @citation-js/name and @citation-js/date Interlinear uses (the packages ship no types). */
declare module '@citation-js/name' {
  import type { CSLName } from '@citation-js/core';

  /** Parses one personal name ("J. V. Stalin", "Stalin, J. V.") into its CSL parts. */
  export function parse(name: string): CSLName;
}

declare module '@citation-js/date' {
  import type { CSLDate } from '@citation-js/core';

  /** Parses a date written in one of the common forms into CSL; otherwise `{ raw }`. */
  export function parse(date: string): CSLDate;
}
