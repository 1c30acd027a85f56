import { useState, type FormEvent, type ReactNode } from 'react';
import { DateField } from '../../../components/DateField';
import { formatInZone, type ActionItem } from '../../../../src-shared/review';
import { FieldProblem, problemProps } from '../FieldProblem';
import { useChange, useFieldProblem, useReview, useSection, useTimeZone } from '../review-context';
import { Section } from './Section';

function nextItemId(items: readonly ActionItem[]): string {
  const used = items.map((item) => Number(/^item-(\d+)$/.exec(item.id)?.[1] ?? 0));
  return `item-${Math.max(0, ...used) + 1}`;
}

type EditableField = 'title' | 'owner' | 'due' | 'link';

/** One field of one item, saved on its own: a bad link is marked here and the rest still saves. */
function ItemField({ item, field, label, readOnly, children }: { item: ActionItem; field: EditableField; label: string; readOnly: boolean; children: (props: object) => ReactNode }) {
  const problem = useFieldProblem(`actionItems.${item.id}.${field}`);
  const problemId = `action-item-${item.id}-${field}-problem`;
  return (
    <div className="item-field">
      <label>
        {label}
        {children({ readOnly, ...problemProps(problemId, problem) })}
      </label>
      <FieldProblem id={problemId} message={problem} />
    </div>
  );
}

function ActionItemRow({ item, index, count, readOnly }: { item: ActionItem; index: number; count: number; readOnly: boolean }) {
  const change = useChange();
  const setActionItem = useReview((state) => state.setActionItem);
  const timeZone = useTimeZone();
  const set = (fields: Partial<Pick<ActionItem, EditableField | 'status'>>) => change({ op: 'setActionItem', id: item.id, ...fields });
  // a published review's items are still tracked to completion, through their own request
  const setDone = (done: boolean) => (readOnly ? void setActionItem(item.id, done ? 'done' : 'open') : set({ status: done ? 'done' : 'open' }));
  const number = index + 1;
  return (
    <fieldset className="action-item" aria-label={`Action item ${number}`}>
      <ItemField item={item} field="title" label="Title" readOnly={readOnly}>
        {(props) => <input {...props} value={item.title} onChange={(event) => set({ title: event.target.value })} />}
      </ItemField>
      <ItemField item={item} field="owner" label="Owner" readOnly={readOnly}>
        {(props) => <input {...props} value={item.owner} onChange={(event) => set({ owner: event.target.value })} />}
      </ItemField>
      <ItemField item={item} field="due" label="Due" readOnly={readOnly}>
        {(props) => <DateField {...props} value={item.due ?? ''} onValueChange={(day) => day !== null && set({ due: day || null })} />}
      </ItemField>
      <ItemField item={item} field="link" label="Link" readOnly={readOnly}>
        {(props) => <input {...props} type="url" value={item.link} onChange={(event) => set({ link: event.target.value })} />}
      </ItemField>
      <label className="inline">
        <input type="checkbox" checked={item.status === 'done'} onChange={(event) => setDone(event.target.checked)} />
        Done
      </label>
      {item.status === 'done' && item.closedBy && item.closedAt ? (
        <p className="closed-by">
          Closed by {item.closedBy} on {formatInZone(item.closedAt, timeZone)}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="action-item-buttons">
          <button type="button" disabled={index === 0} onClick={() => change({ op: 'moveActionItem', id: item.id, to: index - 1 })}>
            Move action item {number} up
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => change({ op: 'moveActionItem', id: item.id, to: index + 1 })}>
            Move action item {number} down
          </button>
          <button type="button" onClick={() => change({ op: 'removeActionItem', id: item.id })}>
            Remove action item {number}
          </button>
        </div>
      )}
    </fieldset>
  );
}

export function ActionItemsSection() {
  const [items, readOnly] = useSection('actionItems');
  const change = useChange();
  const [title, setTitle] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    change({ op: 'addActionItem', item: { id: nextItemId(items), title: title.trim(), owner: '', due: null, link: '' } });
    setTitle('');
  };

  return (
    <Section title="Action items">
      {items.length === 0 ? <p className="empty">No action items yet.</p> : null}
      {items.map((item, index) => (
        <ActionItemRow key={item.id} item={item} index={index} count={items.length} readOnly={readOnly} />
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
