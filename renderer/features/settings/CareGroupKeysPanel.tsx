import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { CareGroupKey } from '../../../main/contract/types';
import { request } from '../../api';
import { describeError } from '../../errors';
import { Field } from '../../ui/Field';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';

/** The name a key file carries on its first line ("Holdfast pack public key for: <name>"). */
const nameInKeyFile = (text: string): string =>
  /^Holdfast pack public key for:(.*)$/m.exec(text)?.[1]?.trim() ?? '';

interface Mistakes {
  name?: string;
  key?: string;
}

/**
 * The care groups whose signed runbook packs this home trusts. Each key is shown with its
 * fingerprint in words, so the home can read it out to the group on the phone and know the key
 * came from them (and not from someone who changed the email on the way).
 */
export function CareGroupKeysPanel({ initial }: { initial: CareGroupKey[] }) {
  const [keys, setKeys] = useState(initial);
  const [name, setName] = useState('');
  const [keyText, setKeyText] = useState('');
  const [mistakes, setMistakes] = useState<Mistakes>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  const keyBox = useRef<HTMLTextAreaElement>(null);

  const saveKeys = async (
    next: Array<Pick<CareGroupKey, 'name' | 'publicKeyPem'>>,
  ): Promise<CareGroupKey[] | null> => {
    const result = await request('settings.update', { careGroupKeys: next });
    if (!result.ok) {
      setOutcome({ ok: false, message: describeError(result.error) });
      return null;
    }
    const saved = result.value.careGroupKeys ?? [];
    setKeys(saved);
    return saved;
  };
  const asInput = (key: CareGroupKey) => ({ name: key.name, publicKeyPem: key.publicKeyPem });

  const pickFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = file.size > 4000 ? '' : await file.text();
    setKeyText(text);
    if (!name.trim()) setName(nameInKeyFile(text));
    setMistakes({});
  };

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: Mistakes = {
      ...(name.trim() ? {} : { name: 'Type the care group’s name.' }),
      ...(keyText.trim()
        ? {}
        : { key: 'Paste the public key, or choose the .public.pem file the care group sent.' }),
    };
    setMistakes(found);
    setOutcome(null);
    if (found.name) return nameBox.current?.focus();
    if (found.key) return keyBox.current?.focus();
    const saved = await saveKeys([
      ...keys.map(asInput),
      { name: name.trim(), publicKeyPem: keyText.trim() },
    ]);
    const added = saved?.at(-1);
    if (!added) return;
    setName('');
    setKeyText('');
    setOutcome({
      ok: true,
      message: `Added the key for ${added.name}. Now phone ${added.name} and check they read out the same words: ${added.fingerprint}.`,
    });
  };

  const remove = async (removed: CareGroupKey): Promise<void> => {
    setOutcome(null);
    const saved = await saveKeys(keys.filter((key) => key.keyId !== removed.keyId).map(asInput));
    if (saved)
      setOutcome({
        ok: true,
        message:
          saved.length > 0
            ? `Removed the key for ${removed.name}. Packs it signs now need to be accepted as unsigned.`
            : `Removed the key for ${removed.name}. Packs it signs now import as not signed, as every pack did before a key was added.`,
      });
  };

  return (
    <section aria-labelledby="care-group-keys-title" className="care-group-keys">
      <h2 id="care-group-keys-title" tabIndex={-1}>
        Care group keys
      </h2>
      <p>
        If your care group sends you runbook packs, add its public key here. Packs it signs then
        show “Signed by” with its name, and a pack changed on the way is refused. Once a key is
        added, a pack not signed with it is imported only when you accept it as unsigned.
      </p>
      {keys.length === 0 ? (
        <p>No care group keys added.</p>
      ) : (
        <ul className="care-group-key-list">
          {keys.map((key) => (
            <li key={key.keyId}>
              <strong>
                <bdi>{key.name}</bdi>
              </strong>
              <br />
              Fingerprint to compare by phone: <span className="keep-whole">{key.fingerprint}</span>
              <br />
              {key.lastPackCreated
                ? `Newest pack imported: made ${key.lastPackCreated.slice(0, 10)}`
                : 'No pack imported from this group yet'}
              <br />
              <button
                type="button"
                aria-label={`Remove the key for ${key.name}`}
                onClick={() => void remove(key)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} noValidate>
        <h3>Add a care group key</h3>
        <Field id="care-group-name" label="Care group name" error={mistakes.name}>
          {(control) => (
            <input
              {...control}
              ref={nameBox}
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="care-group-key-file">Choose the key file (.public.pem)</label>
          <input
            id="care-group-key-file"
            type="file"
            accept=".pem,text/plain"
            onChange={(event) => void pickFile(event)}
          />
        </div>
        <Field
          id="care-group-key"
          label="Or paste the public key"
          hint="It starts with -----BEGIN PUBLIC KEY-----. Never paste a private key here."
          error={mistakes.key}
        >
          {(control) => (
            <textarea
              {...control}
              ref={keyBox}
              rows={4}
              maxLength={2000}
              spellCheck={false}
              value={keyText}
              onChange={(event) => setKeyText(event.target.value)}
            />
          )}
        </Field>
        <button type="submit">Add key</button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
