import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeskNotification, ListedNotification } from '../../src-shared/contract';
import { NotificationCenter, createNotificationsStore, type DesktopNotifications, type DesktopPermission } from '../../src-renderer/features/notifications';
import { formatDateTime } from '../../src-shared/words';
import { createFakeDesk } from './fake-desk';

const note = (id: string, caseId: string, title: string, urgency: 'critical' | 'normal' = 'normal'): DeskNotification => ({
  id,
  caseId,
  severity: urgency === 'critical' ? 'P1' : 'P3',
  kind: 'updateOverdue',
  title,
  body: 'Customer update overdue by 5 min.',
  at: '2026-11-26T10:00:00.000Z',
  urgency,
});

function fakeDesktop(initial: DesktopPermission = 'default') {
  let permission = initial;
  const shown: Array<{ notification: DeskNotification; click: () => void }> = [];
  const requests: number[] = [];
  const desktop: DesktopNotifications = {
    permission: () => permission,
    requestPermission: async () => {
      requests.push(1);
      permission = 'granted';
      return permission;
    },
    show: (notification, click) => shown.push({ notification, click }),
  };
  return { desktop, shown, requests };
}

const listed = (notification: DeskNotification, read = false): ListedNotification => ({ ...notification, read });

function renderCenter(options: { earlier?: ListedNotification[]; desktop?: DesktopNotifications } = {}) {
  const marked: string[][] = [];
  const fake = createFakeDesk({
    'notifications.list': () => ({ ok: true, value: options.earlier ?? [] }),
    'notifications.markRead': ({ ids }: { ids: string[] }) => {
      marked.push(ids);
      return { ok: true, value: { unread: 0 } };
    },
  });
  const store = createNotificationsStore(fake.desk);
  const opened: string[] = [];
  render(
    <>
      <h2>Case header</h2>
      <NotificationCenter desk={fake.desk} store={store} desktop={options.desktop} onOpenCase={(id) => opened.push(id)} />
    </>,
  );
  return { fake, opened, marked };
}

describe('notifications in the page', () => {
  it('shows what the core notified before the page connected, counted as unread', async () => {
    renderCenter({ earlier: [listed(note('n2', 'RD-1002', 'P3 Medium · RD-1002 Slow search')), listed(note('n1', 'RD-1001', 'P1 Critical · RD-1001 Outage', 'critical'))] });
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
  });

  it('adds pushed notifications to the list, newest first, and clears the count when opened', async () => {
    const user = userEvent.setup();
    const { fake } = renderCenter();
    await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    fake.push('notifications.new', { notification: note('n1', 'RD-1001', 'P3 Medium · RD-1001 First') });
    fake.push('notifications.new', { notification: note('n2', 'RD-1002', 'P3 Medium · RD-1002 Second') });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const items = within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('button');
    // Each shows when it was notified, the one way the console writes time ("Thu 26 Nov, 10:00" in the machine's zone).
    const at = formatDateTime('2026-11-26T10:00:00.000Z');
    expect(at).toMatch(/^Thu 26 Nov, \d\d:00$/);
    expect(items.map((item) => item.textContent)).toEqual([
      `P3 Medium · RD-1002 Second Customer update overdue by 5 min. ${at}`,
      `P3 Medium · RD-1001 First Customer update overdue by 5 min. ${at}`,
    ]);
    expect(screen.getByRole('button', { name: 'Notifications, 0 unread' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('opens the case when a notification in the list is clicked, and closes the list so it does not cover the case', async () => {
    const user = userEvent.setup();
    const { opened } = renderCenter({ earlier: [listed(note('n1', 'RD-1001', 'P1 Critical · RD-1001 Outage', 'critical'))] });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(screen.getByRole('button', { name: /RD-1001 Outage/ }));
    expect(opened).toEqual(['RD-1001']);
    expect(screen.queryByRole('list', { name: 'Notifications' })).not.toBeInTheDocument();
  });

  it('counts only what the core says is unread, and marks the listed ones read in the core when opened', async () => {
    const user = userEvent.setup();
    const { marked } = renderCenter({ earlier: [listed(note('n2', 'RD-1002', 'Second')), listed(note('n1', 'RD-1001', 'First'), true)] });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    expect(marked).toEqual([['n2']]);
    expect(await screen.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
  });

  it('keeps the count and says so when the core cannot mark them read', async () => {
    const user = userEvent.setup();
    const fake = createFakeDesk({
      'notifications.list': () => ({ ok: true, value: [listed(note('n1', 'RD-1001', 'First'))] }),
      'notifications.markRead': () => ({ ok: false, error: { code: 'INTERNAL', message: 'the disk is full' } }),
    });
    render(<NotificationCenter desk={fake.desk} store={createNotificationsStore(fake.desk)} onOpenCase={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The notifications could not be marked read: the disk is full');
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('closes the list with Escape (focus back on the bell) and with a click outside it', async () => {
    const user = userEvent.setup();
    renderCenter({ earlier: [listed(note('n1', 'RD-1001', 'First'))] });
    const bell = await screen.findByRole('button', { name: /^Notifications, / });
    await user.click(bell);
    expect(screen.getByRole('list', { name: 'Notifications' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(bell).toHaveFocus();

    await user.click(bell);
    expect(screen.getByRole('list', { name: 'Notifications' })).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { name: 'Case header' }));
    expect(screen.queryByRole('list', { name: 'Notifications' })).not.toBeInTheDocument();
  });

  it('opens the case the host asks for (a desktop notification or the tray was clicked)', async () => {
    const { fake, opened } = renderCenter();
    await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    fake.push('ui.openCase', { caseId: 'RD-1007' });
    expect(opened).toEqual(['RD-1007']);
  });

  it('asks for desktop notification permission only when the engineer clicks, then shows them', async () => {
    const user = userEvent.setup();
    const { desktop, shown, requests } = fakeDesktop();
    const { fake, opened } = renderCenter({ desktop });
    fake.push('notifications.new', { notification: note('n1', 'RD-1001', 'before permission') });
    expect(requests).toEqual([]);
    expect(shown).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Enable desktop notifications' }));
    expect(requests).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).not.toBeInTheDocument();
    fake.push('notifications.new', { notification: note('n2', 'RD-1002', 'after permission') });
    expect(shown.map((s) => s.notification.id)).toEqual(['n2']);
    shown[0]?.click();
    expect(opened).toEqual(['RD-1002']);
  });

  it('offers no permission button where the host shows desktop notifications itself', async () => {
    renderCenter();
    await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).not.toBeInTheDocument();
  });
});

describe('notifications in two pages at once', () => {
  it('a page sees notifications read in another page: its count and its list follow without a reload', async () => {
    const user = userEvent.setup();
    // One core for two pages: marking read answers the page that asked and pushes to every page, as the core does.
    const read = new Set<string>();
    const earlier = [note('n2', 'RD-1002', 'Second'), note('n1', 'RD-1001', 'First')];
    const pages = [0, 1].map(() => createFakeDesk({
      'notifications.list': () => ({ ok: true, value: earlier.map((n) => listed(n, read.has(n.id))) }),
      'notifications.markRead': ({ ids }: { ids: string[] }) => {
        for (const id of ids) read.add(id);
        queueMicrotask(() => pages.forEach((page) => page.push('notifications.read', { ids })));
        return { ok: true, value: { unread: earlier.length - read.size } };
      },
    }));
    render(
      <>
        <section aria-label="First tab">
          <NotificationCenter desk={pages[0]!.desk} store={createNotificationsStore(pages[0]!.desk)} onOpenCase={() => undefined} />
        </section>
        <section aria-label="Second tab">
          <NotificationCenter desk={pages[1]!.desk} store={createNotificationsStore(pages[1]!.desk)} onOpenCase={() => undefined} />
        </section>
      </>,
    );
    const first = within(screen.getByRole('region', { name: 'First tab' }));
    const second = within(screen.getByRole('region', { name: 'Second tab' }));
    // The second page has its list open, unread entries marked as such.
    await user.click(await second.findByRole('button', { name: 'Notifications, 2 unread' }));
    expect(pages[1]!.calls.filter((call) => call.name === 'notifications.markRead')).toHaveLength(1);
    expect(await first.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
    await user.click(first.getByRole('button', { name: 'Notifications, 0 unread' }));
    expect(within(first.getByRole('list', { name: 'Notifications' })).queryAllByText('Unread:')).toHaveLength(0);
  });

  it('an open list shows an entry read elsewhere as read', async () => {
    const user = userEvent.setup();
    const fake = createFakeDesk({
      'notifications.list': () => ({ ok: true, value: [listed(note('n2', 'RD-1002', 'Second')), listed(note('n1', 'RD-1001', 'First'))] }),
      // This page's own marking fails, so only the push from elsewhere can change its state.
      'notifications.markRead': () => ({ ok: false, error: { code: 'INTERNAL', message: 'the disk is full' } }),
    });
    render(<NotificationCenter desk={fake.desk} store={createNotificationsStore(fake.desk)} onOpenCase={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    expect(within(screen.getByRole('list', { name: 'Notifications' })).getAllByText('Unread:')).toHaveLength(2);
    act(() => fake.push('notifications.read', { ids: ['n1'] }));
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    const unread = within(screen.getByRole('list', { name: 'Notifications' })).getAllByText('Unread:');
    expect(unread).toHaveLength(1);
    expect(unread[0]!.closest('li')).toHaveTextContent('Second');
  });
});
