import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';

import type { WindowDirection } from './merge-window';
import type { EdgeState } from './use-segment-windows';
import { Button } from '../ui/button';

export interface WindowEdgeProps {
  direction: WindowDirection;
  hasMore: boolean;
  state: EdgeState;
  sentinel: RefObject<HTMLDivElement | null>;
  onLoad: () => void;
}

/**
 * One end of the rendered text: the sentinel that triggers loading while scrolling, and a visible
 * button that does the same for keyboard and screen-reader users (or after an error).
 */
export function WindowEdge({ direction, hasMore, state, sentinel, onLoad }: WindowEdgeProps) {
  const t = useTranslations('reader');
  const isBefore = direction === 'before';
  if (!hasMore) {
    return isBefore ? null : (
      <p className="mt-12 text-center font-serif text-muted">
        <span aria-hidden="true">❧</span>
        <span className="sr-only">{t('endOfText')}</span>
      </p>
    );
  }
  return (
    <div className={isBefore ? 'mb-8' : 'mt-10'}>
      <div ref={sentinel} aria-hidden="true" className="h-px" />
      <div className="flex flex-col items-center gap-2 text-sm">
        {state.status === 'error' && (
          <p role="alert" className="text-red-800">
            {state.message}
          </p>
        )}
        <Button variant="secondary" size="sm" onClick={onLoad} disabled={state.status === 'loading'} aria-busy={state.status === 'loading'}>
          {state.status === 'loading' ? t('loading') : state.status === 'error' ? t('tryAgain') : isBefore ? t('showEarlier') : t('showMore')}
        </Button>
      </div>
    </div>
  );
}
