import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeskNotification } from '../../src-shared/contract';
import { NotificationCenter, createNotificationsStore, type DesktopNotifications, type DesktopPermission } from '../../src-renderer/features/notifications';
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

function renderCenter(options: { earlier?: DeskNotification[]; desktop?: DesktopNotifications } = {}) {
  const fake = createFakeDesk({ 'notifications.list': () => ({ ok: true, value: options.earlier ?? [] }) });
  const store = createNotificationsStore(fake.desk);
  const opened: string[] = [];
  render(<NotificationCenter desk={fake.desk} store={store} desktop={options.desktop} onOpenCase={(id) => opened.push(id)} />);
  return { fake, opened };
}

describe('notifications in the page', () => {
  it('shows what the core notified before the page connected, counted as unread', async () => {
    renderCenter({ earlier: [note('n2', 'RD-1002', 'P3 Medium · RD-1002 Slow search'), note('n1', 'RD-1001', 'P1 Critical · RD-1001 Outage', 'critical')] });
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
    expect(items.map((item) => item.textContent)).toEqual([
      'P3 Medium · RD-1002 Second Customer update overdue by 5 min.',
      'P3 Medium · RD-1001 First Customer update overdue by 5 min.',
    ]);
    expect(screen.getByRole('button', { name: 'Notifications, 0 unread' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('opens the case when a notification in the list is clicked', async () => {
    const user = userEvent.setup();
    const { opened } = renderCenter({ earlier: [note('n1', 'RD-1001', 'P1 Critical · RD-1001 Outage', 'critical')] });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(screen.getByRole('button', { name: /RD-1001 Outage/ }));
    expect(opened).toEqual(['RD-1001']);
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
