import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  ContactRole,
  ContactsDirectory,
  NationalContactView,
} from '../../../main/contract/types';
import { request } from '../../api';
import { describeError } from '../../errors';
import { formatDate } from '../../lib/formatDate';
import { nationalSourceDates, nationalStaleWarning } from '../../lib/nationalSource';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { AddByNameForm } from '../../ui/AddByNameForm';
import { ChannelList, channelDir } from '../../ui/ChannelList';
import { DeleteWithConfirm } from '../../ui/DeleteWithConfirm';
import { LoadFailed } from '../../ui/LoadFailed';
import { WebLink } from '../reader/ContactsPanel';
import { ContactsTransfer } from './ContactsTransfer';

// The form validates with the shared zod schemas; loading it only when opened keeps zod (about a
// third of the bundle) off the first screen, which must open in a second during an incident.
const ContactForm = lazy(() =>
  import('./ContactForm').then((module) => ({ default: module.ContactForm })),
);

/**
 * The provider's contacts directory (#/contacts): every role with its contact or a "not set yet"
 * marker, national contacts read-only with their source; #/contacts/<role> opens the form.
 */
export function ContactsScreen({ role }: { role?: string }) {
  const [loaded, retry] = useCall('contacts.list', {});
  // The latest directory a write returned; writes answer with the whole directory.
  const [directory, setDirectory] = useState<ContactsDirectory | null>(null);
  const [message, setMessage] = useState<ReactNode>('');
  useEffect(() => {
    if (loaded.status === 'ready') setDirectory(loaded.value);
  }, [loaded]);

  if (loaded.status === 'failed') {
    return <LoadFailed title="Contacts could not be opened" error={loaded.error} onRetry={retry} />;
  }
  if (!directory) return <p role="status">Loading contacts…</p>;

  if (role) {
    const entry = directory.roles.find((candidate) => candidate.role === role);
    if (!entry) {
      return (
        <>
          <p>
            <a href={href.contacts()}>← All contacts</a>
          </p>
          <h1 id="page-title" tabIndex={-1}>
            No such contact role
          </h1>
          <p>
            There is no local contact role called “{role}”. National contacts cannot be changed
            here.
          </p>
        </>
      );
    }
    return (
      <Suspense fallback={<p role="status">Opening the form…</p>}>
        <ContactForm
          key={entry.role}
          entry={entry}
          onSaved={(next, saved) => {
            setDirectory(next);
            setMessage(
              <>
                Saved <bdi>{saved.name}</bdi> as <bdi>{entry.label}</bdi>.
              </>,
            );
            window.location.hash = href.contacts();
          }}
        />
      </Suspense>
    );
  }

  return (
    <DirectoryView
      directory={directory}
      message={message}
      onChange={(next, text) => {
        setDirectory(next);
        setMessage(text);
      }}
    />
  );
}

function DirectoryView({
  directory,
  message,
  onChange,
}: {
  directory: ContactsDirectory;
  message: ReactNode;
  onChange: (next: ContactsDirectory, message: ReactNode) => void;
}) {
  // The list appears after the route changed (it waits for contacts.list): put focus on its heading.
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  const missing = directory.roles.filter((entry) => entry.status === 'missing').length;
  return (
    <>
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Contacts
      </h1>
      <p className="lead">
        When email and the care system are down, these numbers are what you have left. Fill them in
        now and check them at least once a year.
      </p>
      <p role="status" className="save-status">
        {message}
      </p>
      <section aria-labelledby="local-title">
        <h2 id="local-title">Your contacts</h2>
        <p>
          {missing === 0
            ? 'Every role has a contact.'
            : `${missing} of ${directory.roles.length} roles have no contact yet.`}
        </p>
        <ul className="directory">
          {directory.roles.map((entry) => (
            <RoleItem key={entry.role} entry={entry} onChange={onChange} />
          ))}
        </ul>
        <AddRoleForm onChange={onChange} />
      </section>
      <ContactsTransfer onChange={onChange} />
      <NationalList contacts={directory.national} />
    </>
  );
}

function RoleItem({
  entry,
  onChange,
}: {
  entry: ContactRole;
  onChange: (next: ContactsDirectory, message: ReactNode) => void;
}) {
  const editRef = useRef<HTMLAnchorElement>(null);
  const { contact } = entry;

  const remove = async (): Promise<string | null> => {
    const result = await request('contacts.delete', { role: entry.role });
    // The core says in words why a role is kept (a runbook names it).
    if (!result.ok)
      return result.error.code === 'INVALID_INPUT'
        ? result.error.message
        : describeError(result.error);
    onChange(
      result.value,
      <>
        Deleted the contact for <bdi>{entry.label}</bdi>.
      </>,
    );
    // Keep keyboard users in place: on the entry's "Add" link, or the heading if the role went too.
    requestAnimationFrame(() =>
      (editRef.current ?? document.getElementById('page-title'))?.focus(),
    );
    return null;
  };

  return (
    <li className={`directory-entry directory-${entry.status}`}>
      <h3 className="directory-role">
        <bdi>{entry.label}</bdi>
        {entry.isCustom && <span className="directory-custom"> (your own role)</span>}
      </h3>
      {contact ? (
        <>
          <p className="contact-who">
            <bdi>{contact.name}</bdi>
            {contact.organisation && (
              <>
                , <bdi>{contact.organisation}</bdi>
              </>
            )}
          </p>
          <ChannelList channels={contact.channels} />
          {contact.hours && (
            <p className="contact-hours">
              Hours: <bdi>{contact.hours}</bdi>
            </p>
          )}
          {contact.notes && (
            <p className="contact-notes">
              <bdi>{contact.notes}</bdi>
            </p>
          )}
          <p className={entry.status === 'stale' ? 'contact-stale' : 'contact-source'}>
            {entry.status === 'stale' && <span aria-hidden="true">⚠ </span>}
            Last checked {formatDate(contact.lastVerified)}
            {entry.status === 'stale' && ': more than 12 months ago. Check it is still right.'}
          </p>
        </>
      ) : (
        <p className="contact-missing-text">
          <span aria-hidden="true">⚠ </span>Not set yet.
        </p>
      )}
      <DeleteWithConfirm
        id={entry.role}
        canDelete={contact !== null || entry.isCustom}
        button={
          <>
            Delete
            <span className="visually-hidden">
              {' '}
              {contact ? 'contact' : 'role'} for {entry.label}
            </span>
          </>
        }
        question={`Delete ${contact ? `${contact.name}, the contact for ${entry.label}` : `the role ${entry.label}`}?`}
        confirmLabel="Yes, delete"
        onConfirm={remove}
        actions={
          <a ref={editRef} className="button-link" href={href.contacts(entry.role)}>
            {contact ? 'Edit' : 'Add'}
            <span className="visually-hidden"> contact for {entry.label}</span>
          </a>
        }
      />
    </li>
  );
}

function AddRoleForm({
  onChange,
}: {
  onChange: (next: ContactsDirectory, message: ReactNode) => void;
}) {
  return (
    <AddByNameForm
      title="Add a role of your own"
      fieldLabel="Role name"
      id="new-role"
      emptyMessage="Enter a name for the role, for example “Out-of-hours GP”."
      submitLabel="Add role"
      maxLength={80}
      callPrefix="contacts.addRole: label: "
      onAdd={async (label) => {
        const result = await request('contacts.addRole', { label });
        if (!result.ok) return result.error;
        onChange(
          result.value.directory,
          <>
            Added the role <bdi>{label.trim()}</bdi>.
          </>,
        );
        window.location.hash = href.contacts(result.value.role);
        return null;
      }}
    />
  );
}

function NationalList({ contacts }: { contacts: NationalContactView[] }) {
  const [notice, setNotice] = useState('');
  if (contacts.length === 0) return null;
  return (
    <section aria-labelledby="national-title">
      <h2 id="national-title">National contacts</h2>
      <p>
        These come with Holdfast from public sources and cannot be changed here. Each shows where it
        came from and when.
      </p>
      {notice && <p role="alert">{notice}</p>}
      <ul className="directory">
        {contacts.map((contact) => (
          <li key={contact.id} className="directory-entry">
            <h3 className="directory-role">{contact.name}</h3>
            <p>{contact.use}</p>
            <ul className="channels">
              {contact.channels.map((channel) => (
                <li key={`${channel.kind}:${channel.value}`}>
                  <span className="channel-kind">
                    {channel.kind === 'web'
                      ? 'Website'
                      : channel.kind === 'sms'
                        ? 'Text'
                        : channel.kind === 'email'
                          ? 'Email'
                          : 'Phone'}
                    :
                  </span>{' '}
                  {channel.kind === 'web' ? (
                    <WebLink url={channel.value} label={contact.name} onNotice={setNotice} />
                  ) : (
                    <bdi className="channel-value" dir={channelDir(channel.kind)}>
                      {channel.value}
                    </bdi>
                  )}
                  {channel.note && <span className="channel-note"> ({channel.note})</span>}
                </li>
              ))}
            </ul>
            {contact.hours && <p className="contact-hours">Hours: {contact.hours}</p>}
            {contact.notes && <p className="contact-notes">{contact.notes}</p>}
            {contact.stale && (
              <p className="contact-stale">
                <span aria-hidden="true">⚠ </span>
                {nationalStaleWarning(contact.checked)}
              </p>
            )}
            <p className="contact-source">
              National contact. {nationalSourceDates(contact)}
              {' Source: '}
              <WebLink
                url={contact.source}
                label={`Source for ${contact.name}`}
                onNotice={setNotice}
              />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
