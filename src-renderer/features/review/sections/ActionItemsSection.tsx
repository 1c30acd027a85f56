import { useState, type FormEvent } from 'react';
import { formatInZone, type ActionItem } from '../../../../src-shared/review';
import { useReview, useSection, useTimeZone } from '../review-context';
import { Section } from './Section';

function nextItemId(items: readonly ActionItem[]): string {
  const used = items.map((item) => Number(/^item-(\d+)$/.exec(item.id)?.[1] ?? 0));
  return `item-${Math.max(0, ...used) + 1}`;
}

export function ActionItemsSection() {
  const [items, setItems, readOnly] = useSection('actionItems');
  const setActionItem = useReview((state) => state.setActionItem);
  const timeZone = useTimeZone();
  const [title, setTitle] = useState('');

  const update = (id: string, change: Partial<ActionItem>) => setItems(items.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    setItems([...items, { id: nextItemId(items), title: title.trim(), owner: '', due: null, status: 'open', link: '', closedBy: null, closedAt: null }]);
    setTitle('');
  };
  // a published review's items are still tracked to completion, through their own request
  const setDone = (item: ActionItem, done: boolean) => (readOnly ? void setActionItem(item.id, done ? 'done' : 'open') : update(item.id, { status: done ? 'done' : 'open' }));

  return (
    <Section title="Action items">
      {items.length === 0 ? <p className="empty">No action items yet.</p> : null}
      {items.map((item, index) => (
        <fieldset key={item.id} className="action-item" aria-label={`Action item ${index + 1}`}>
          <label>
            Title
            <input value={item.title} readOnly={readOnly} onChange={(event) => update(item.id, { title: event.target.value })} />
          </label>
          <label>
            Owner
            <input value={item.owner} readOnly={readOnly} onChange={(event) => update(item.id, { owner: event.target.value })} />
          </label>
          <label>
            Due
            <input type="date" value={item.due ?? ''} readOnly={readOnly} onChange={(event) => update(item.id, { due: event.target.value || null })} />
          </label>
          <label>
            Link
            <input type="url" value={item.link} readOnly={readOnly} onChange={(event) => update(item.id, { link: event.target.value })} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={item.status === 'done'} onChange={(event) => setDone(item, event.target.checked)} />
            Done
          </label>
          {item.status === 'done' && item.closedBy && item.closedAt ? (
            <p className="closed-by">
              Closed by {item.closedBy} on {formatInZone(item.closedAt, timeZone)}
            </p>
          ) : null}
          {readOnly ? null : (
            <button type="button" onClick={() => setItems(items.filter((other) => other.id !== item.id))}>
              Remove action item {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : (
        <form className="add-action-item" onSubmit={add} aria-label="New action item">
          <label>
            New action item
            <input value={title} onChange={(event) => setTitle(event.target.value)} />
          </label>
          <button type="submit" disabled={title.trim() === ''}>
            Add action item
          </button>
        </form>
      )}
    </Section>
  );
}
