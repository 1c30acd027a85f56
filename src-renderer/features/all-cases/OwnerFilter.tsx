import { useState } from 'react';
import { memberLabel, ownerChoices, useTeam } from '../team';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const ANYONE = 'anyone';
const MINE = 'mine';
const OTHER = 'other';
const MEMBER = 'member:';

/**
 * All cases' owner filter: anyone, mine (the engineer's own cases), a member of the team, or
 * another name typed whole. `owner` is the filter's value: '' for anyone.
 */
export function OwnerFilter({ owner, engineerName, onChange }: { owner: string; engineerName: string; onChange: (owner: string) => void }) {
  const members = (ownerChoices(useTeam().view) ?? []).filter((member) => !same(member.name, engineerName));
  const [typing, setTyping] = useState(false);
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
            setTyping(value === OTHER);
            if (value === ANYONE || value === OTHER) onChange('');
            else if (value === MINE) onChange(engineerName);
            else onChange(value.slice(MEMBER.length));
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
          <input type="text" value={owner} placeholder="Whole name" onChange={(event) => onChange(event.target.value)} />
        </label>
      ) : null}
    </>
  );
}
