import { Dialog } from '../../components/Dialog';
import { shortcutGroups, type GlobalShortcut } from './shortcut-table';

/** Every shortcut, as one table per group. */
export function ShortcutsDialog({ global, onClose }: { global: readonly GlobalShortcut[]; onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose}>
      <div className="form shortcuts">
        <h2>Keyboard shortcuts</h2>
        {shortcutGroups(global).map((group) => (
          <table key={group.title} aria-label={group.title}>
            <caption>{group.title}</caption>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.keys + row.does}>
                  <th scope="row">
                    <kbd>{row.keys}</kbd>
                  </th>
                  <td>{row.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
