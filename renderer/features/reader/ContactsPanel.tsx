import type { ContactRef } from '../../../main/contract/types';
import { request } from '../../api';
import { formatDate } from '../../lib/formatDate';
import { nationalSourceDates, nationalStaleWarning } from '../../lib/nationalSource';
import { href } from '../../useRoute';
import { ChannelList } from '../../ui/ChannelList';

/** A web address shown by its host, opened only through the main process (which asks first). */
export function WebLink({
  url,
  label,
  onNotice,
}: {
  url: string;
  label: string;
  onNotice: (message: string) => void;
}) {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return <span>{url}</span>;
  }
  const open = (): void => {
    void request('links.openExternal', { url }).then((result) => {
      if (result.ok && !result.value.opened && result.value.reason) onNotice(result.value.reason);
    });
  };
  return (
    <button
      type="button"
      className="link-button"
      onClick={open}
      aria-label={`${label}: open ${host} in your web browser`}
    >
      {host}
    </button>
  );
}

/**
 * Who a runbook may need, folded so the steps come first (each step still shows its contacts): the
 * provider's own contacts and national contacts with their dated source; local roles not entered
 * yet collapse into one "Not set yet" line, each name a link to add it.
 */
export function ContactsPanel({
  contacts,
  onNotice,
}: {
  contacts: ContactRef[];
  onNotice: (message: string) => void;
}) {
  if (contacts.length === 0) return null;
  const known = contacts.filter((contact) => contact.channels);
  const missing = contacts.filter((contact) => !contact.channels);
  return (
    <details className="fold contacts" aria-labelledby="contacts-title">
      <summary id="contacts-title">
        Who to call ({contacts.length})
        {missing.length > 0 && <span className="fold-gaps"> · {missing.length} not set yet</span>}
      </summary>
      {missing.length > 0 && <MissingContacts missing={missing} />}
      <ul>
        {known.map((contact) => (
          <li
            key={contact.role}
            className={contact.channels ? 'contact' : 'contact contact-missing'}
          >
            <strong className="contact-label">
              <bdi>{contact.label}</bdi>
            </strong>
            {contact.name && (
              <p className="contact-who">
                <bdi>{contact.name}</bdi>
                {contact.organisation && (
                  <>
                    , <bdi>{contact.organisation}</bdi>
                  </>
                )}
              </p>
            )}
            {contact.channels ? (
              <>
                <ChannelList
                  channels={contact.channels}
                  renderValue={(channel) =>
                    channel.kind === 'web' ? (
                      <WebLink url={channel.value} label={contact.label} onNotice={onNotice} />
                    ) : undefined
                  }
                />
                {contact.hours && (
                  <p className="contact-hours">
                    Hours: <bdi>{contact.hours}</bdi>
                  </p>
                )}
                {!contact.national && contact.stale && contact.lastVerified && (
                  <p className="contact-stale">
                    <span aria-hidden="true">⚠ </span>
                    Last checked {formatDate(contact.lastVerified)}, more than 12 months ago. Check
                    the number is still right when you can.
                  </p>
                )}
                {contact.national && contact.stale && (
                  <p className="contact-stale">
                    <span aria-hidden="true">⚠ </span>
                    {nationalStaleWarning(contact.checked)}
                  </p>
                )}
                {contact.national && (
                  <p className="contact-source">
                    National contact. {nationalSourceDates(contact)}
                    {contact.source && (
                      <>
                        {' Source: '}
                        <WebLink
                          url={contact.source}
                          label={`Source for ${contact.label}`}
                          onNotice={onNotice}
                        />
                      </>
                    )}
                  </p>
                )}
              </>
            ) : (
              <p className="contact-missing-text">
                Not set yet:{' '}
                <a href={href.contacts(contact.role)}>
                  add your local number<span className="visually-hidden"> for {contact.label}</span>
                </a>
                .
              </p>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The roles with no number yet, on one line: each name links to the form to add it. */
function MissingContacts({ missing }: { missing: ContactRef[] }) {
  return (
    <p className="contact-missing-text">
      Not set yet:{' '}
      {missing.map((contact, index) => (
        <span key={contact.role}>
          {index > 0 && ', '}
          <a href={href.contacts(contact.role)}>
            <span className="visually-hidden">add your local number for </span>
            {contact.label}
          </a>
        </span>
      ))}
      .
    </p>
  );
}
