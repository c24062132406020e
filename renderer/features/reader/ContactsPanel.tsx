import type { ContactChannel, ContactRef } from '../../../main/contract/types';
import { request } from '../../api';
import { formatDate, isOlderThanMonths } from '../../formatDate';

const KIND_LABEL: Record<ContactChannel['kind'], string> = { phone: 'Phone', sms: 'Text', email: 'Email', web: 'Website' };

/** A web address shown by its host, opened only through the main process (which asks first). */
function WebLink({ url, label, onNotice }: { url: string; label: string; onNotice: (message: string) => void }) {
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
    <button type="button" className="link-button" onClick={open} aria-label={`${label}: open ${host} in your web browser`}>
      {host}
    </button>
  );
}

/** Who a runbook may need: national contacts with their dated source, local roles marked "not set". */
export function ContactsPanel({ contacts, onNotice }: { contacts: ContactRef[]; onNotice: (message: string) => void }) {
  if (contacts.length === 0) return null;
  return (
    <section className="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Who you may need to call</h2>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.role} className={contact.channels ? 'contact' : 'contact contact-missing'}>
            <strong className="contact-label">{contact.label}</strong>
            {contact.channels ? (
              <>
                <ul className="channels">
                  {contact.channels.map((channel) => (
                    <li key={`${channel.kind}:${channel.value}`}>
                      <span className="channel-kind">{KIND_LABEL[channel.kind]}:</span>{' '}
                      {channel.kind === 'web' ? (
                        <WebLink url={channel.value} label={contact.label} onNotice={onNotice} />
                      ) : (
                        <span className="channel-value">{channel.value}</span>
                      )}
                      {channel.note && <span className="channel-note"> ({channel.note})</span>}
                    </li>
                  ))}
                </ul>
                {contact.hours && <p className="contact-hours">Hours: {contact.hours}</p>}
                {contact.national && (!contact.sourceDate || isOlderThanMonths(contact.sourceDate, 12)) && (
                  <p className="contact-stale">
                    <span aria-hidden="true">⚠ </span>
                    {contact.sourceDate ? 'This source is more than 12 months old.' : 'This source has no date.'} Check the details are still right when you can.
                  </p>
                )}
                {contact.national && (
                  <p className="contact-source">
                    National contact. {contact.sourceDate ? `Source dated ${formatDate(contact.sourceDate)}` : 'Source undated'}
                    {contact.source && (
                      <>
                        {': '}
                        <WebLink url={contact.source} label={`Source for ${contact.label}`} onNotice={onNotice} />
                      </>
                    )}
                  </p>
                )}
              </>
            ) : (
              <p className="contact-missing-text">Not set yet: add your local number.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
