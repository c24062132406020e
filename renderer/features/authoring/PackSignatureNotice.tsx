import type { PackSignatureView } from '../../../main/contract/authoringTypes';
import { href } from '../../useRoute';
import { ChoiceField } from '../../ui/ChoiceField';

/**
 * Who vouches for a pack, in the import preview. A pack signed with a care group key added in
 * Settings says so. Any other pack says in words that it is not signed; in a home that has added a
 * care group's key it also needs the admin to accept it as unsigned, because there the group's
 * packs come signed and nothing shows this one came from the group unchanged.
 */
export function PackSignatureNotice({
  signature,
  accepted,
  onAccept,
}: {
  signature: PackSignatureView;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}) {
  if (signature.status === 'good')
    return (
      <p className="pack-signature">
        <strong>
          Signed by <bdi>{signature.keyName}</bdi>
        </strong>{' '}
        (<span className="keep-whole">{signature.fingerprint}</span>). The pack has not changed
        since it was signed.
      </p>
    );
  return (
    <div className="pack-signature" role="region" aria-label="This pack is not signed">
      <p>
        <strong>
          {signature.status === 'unsigned' ? (
            'Not signed.'
          ) : (
            <>
              Not signed with a key added here. It says it is signed by “
              <bdi>{signature.signer}</bdi>”, but you have not added that key.
            </>
          )}
        </strong>{' '}
        Nothing shows who made it or that it was not changed on the way. Import it only if you know
        where it came from.{' '}
        {signature.mustAccept ? (
          <>
            Packs from your care group come signed with the key in{' '}
            <a href={href.settingsSection('care-group-keys')}>Settings</a>.
          </>
        ) : (
          <>
            A care group can sign its packs: add its key in{' '}
            <a href={href.settingsSection('care-group-keys')}>Settings</a>.
          </>
        )}
      </p>
      {signature.mustAccept && (
        <ChoiceField id="pack-accept-unsigned" checked={accepted} onChange={onAccept}>
          I accept this pack as unsigned
        </ChoiceField>
      )}
    </div>
  );
}
