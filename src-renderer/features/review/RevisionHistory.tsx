import { useCallback, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatInZone } from '../../../src-shared/review';
import { ReviewDocument } from './ReviewDocument';
import { useReview, useTimeZone } from './review-context';

/** Every published revision, each viewable as it was published. */
export function RevisionHistory() {
  const revisions = useReview((state) => state.review?.revisions ?? []);
  const timeZone = useTimeZone();
  const [open, setOpen] = useState<number | null>(null);
  const close = useCallback(() => setOpen(null), []);
  if (revisions.length === 0) return null;
  const shown = revisions.find((revision) => revision.revision === open);
  return (
    <section className="review-section" aria-label="Revision history">
      <h3>Revision history</h3>
      <ul>
        {revisions.map((revision) => (
          <li key={revision.revision}>
            Revision {revision.revision}, published {formatInZone(revision.publishedAt, timeZone)} by {revision.publishedBy}{' '}
            <button type="button" onClick={() => setOpen(revision.revision)}>
              View revision {revision.revision}
            </button>
          </li>
        ))}
      </ul>
      {shown ? (
        <Dialog label={`Revision ${shown.revision}`} onClose={close}>
          <div className="form wide">
            <h2>Revision {shown.revision}</h2>
            <ReviewDocument content={shown.content} timeZone={timeZone} />
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
