import { memberLabel, ownerChoices, useTeam } from '../team';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const ANYONE = 'anyone';
const MINE = 'mine';
const OTHER = 'other';
const MEMBER = 'member:';

interface Props {
  /** The filter's value: '' for anyone. */
  readonly owner: string;
  /** "Another name…" is chosen: `owner` is typed in a field (and may still be empty). */
  readonly typing: boolean;
  readonly engineerName: string;
  readonly onChange: (owner: string, typing: boolean) => void;
}

/**
 * All cases' owner filter: anyone, mine (the engineer's own cases), a member of the team, or
 * another name typed whole. Its whole state comes from the store's filters, so clearing them
 * clears it too.
 */
export function OwnerFilter({ owner, typing, engineerName, onChange }: Props) {
  const members = (ownerChoices(useTeam().view) ?? []).filter((member) => !same(member.name, engineerName));
  const choice =
    owner === '' && !typing
      ? ANYONE
      : engineerName && same(owner, engineerName) && !typing
        ? MINE
        : !typing && members.some((member) => same(member.name, owner))
          ? `${MEMBER}${members.find((member) => same(member.name, owner))!.name}`
          : OTHER;
  return (
    <>
      <label>
        Owner
        <select
          value={choice}
          onChange={(event) => {
            const value = event.target.value;
            if (value === ANYONE || value === OTHER) onChange('', value === OTHER);
            else if (value === MINE) onChange(engineerName, false);
            else onChange(value.slice(MEMBER.length), false);
          }}
        >
          <option value={ANYONE}>Anyone</option>
          {engineerName ? <option value={MINE}>{`Mine (${engineerName})`}</option> : null}
          {members.map((member) => (
            <option key={member.name} value={`${MEMBER}${member.name}`}>
              {memberLabel(member)}
            </option>
          ))}
          <option value={OTHER}>Another name…</option>
        </select>
      </label>
      {choice === OTHER ? (
        <label>
          Owner's name
          <input type="text" value={owner} placeholder="Whole name" onChange={(event) => onChange(event.target.value, true)} />
        </label>
      ) : null}
    </>
  );
}
