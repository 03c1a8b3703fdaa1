'use client';

import './globals.css';
import { ErrorPanel } from '@/components/feedback/error-panel';

/** Last-resort boundary for failures in the root layout itself (e.g. the database is down). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Interlinear</title>
        <ErrorPanel error={error} retry={retry} />
      </body>
    </html>
  );
}
