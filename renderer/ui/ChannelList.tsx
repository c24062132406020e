import type { ContactChannel } from '../../main/contract/types';

const KIND_LABEL: Record<ContactChannel['kind'], string> = {
  phone: 'Phone',
  mobile: 'Mobile',
  sms: 'Text',
  email: 'Email',
  web: 'Website',
  other: 'Other',
};

/**
 * A contact's ways to reach them, each with its kind in words and a note when it still works
 * while our own systems are down. `outOfBandFirst` puts those first (the printed contact sheet).
 */
export function ChannelList({
  channels,
  outOfBandFirst = false,
}: {
  channels: readonly ContactChannel[];
  outOfBandFirst?: boolean;
}) {
  const ordered = outOfBandFirst
    ? [...channels].sort((a, b) => Number(b.outOfBand === true) - Number(a.outOfBand === true))
    : channels;
  return (
    <ul className="channels">
      {ordered.map((channel, index) => (
        <li key={index}>
          <span className="channel-kind">{KIND_LABEL[channel.kind]}:</span>{' '}
          <span className="channel-value">{channel.value}</span>
          {channel.note && <span className="channel-note"> ({channel.note})</span>}
          {channel.outOfBand && (
            <span className="channel-oob"> — works when our systems are down</span>
          )}
        </li>
      ))}
    </ul>
  );
}
