import { AppError } from '../errors/app-error';

/**
 * Runs one step of a streaming XML parser (saxes' `write` or `close`): the parser's own errors
 * (not well-formed) become INVALID_INPUT with their line and column, errors of the reader's own
 * checks (AppError) pass through. Shared by the readers of uploaded XML (TMX, TBX).
 */
export function parseWellFormed(step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+): (.*)$/su.exec(detail);
    if (place) throw new AppError('INVALID_INPUT', 'file.malformedXmlAt', { values: { line: place[1] ?? '', column: place[2] ?? '', problem: place[3]?.replace(/\.$/u, '').slice(0, 200) ?? '' } });
    throw new AppError('INVALID_INPUT', 'file.malformedXml', { values: { problem: detail.slice(0, 200) } });
  }
}
