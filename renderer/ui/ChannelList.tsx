import type { ReactNode } from 'react';
import type { ContactChannel } from '../../main/contract/types';

const KIND_LABEL: Record<ContactChannel['kind'], string> = {
  phone: 'Phone',
  mobile: 'Mobile',
  sms: 'Text',
  email: 'Email',
  web: 'Website',
  other: 'Other',
};

/** Kinds whose value is a number or address: always left to right, so it reads as it dials. */
const LEFT_TO_RIGHT: ReadonlySet<ContactChannel['kind']> = new Set([
  'phone',
  'mobile',
  'sms',
  'email',
  'web',
]);

/** `dir` for a channel's value: numbers and addresses are fixed left to right and isolated. */
export const channelDir = (kind: ContactChannel['kind']): 'ltr' | undefined =>
  LEFT_TO_RIGHT.has(kind) ? 'ltr' : undefined;

/**
 * A contact's ways to reach them, each with its kind in words and a note when it still works
 * while our own systems are down. `outOfBandFirst` puts those first (the printed contact sheet).
 */
export function ChannelList({
  channels,
  outOfBandFirst = false,
  renderValue,
}: {
  channels: readonly ContactChannel[];
  outOfBandFirst?: boolean;
  /** Shows a value another way (a website as a link that asks first); undefined keeps the text. */
  renderValue?: (channel: ContactChannel) => ReactNode | undefined;
}) {
  const ordered = outOfBandFirst
    ? [...channels].sort((a, b) => Number(b.outOfBand === true) - Number(a.outOfBand === true))
    : channels;
  return (
    <ul className="channels">
      {ordered.map((channel, index) => (
        <li key={index}>
          <span className="channel-kind">{KIND_LABEL[channel.kind]}:</span>{' '}
          {/* Each typed value in its own <bdi>: its characters cannot reorder the text around it. */}
          {renderValue?.(channel) ?? (
            <bdi className="channel-value" dir={channelDir(channel.kind)}>
              {channel.value}
            </bdi>
          )}
          {channel.note && (
            <span className="channel-note">
              {' '}
              (<bdi>{channel.note}</bdi>)
            </span>
          )}
          {channel.outOfBand && (
            <span className="channel-oob"> — works when our systems are down</span>
          )}
        </li>
      ))}
    </ul>
  );
}
