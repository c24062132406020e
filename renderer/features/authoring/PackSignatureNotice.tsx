import type { PackSignatureView } from '../../../main/contract/authoringTypes';
import { href } from '../../useRoute';

/**
 * Who vouches for a pack, in the import preview. A pack signed with a care group key added in
 * Settings says so; any other pack needs the admin to accept it as unsigned, because nothing
 * shows it came from the group and was not changed on the way.
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
            'This pack is not signed.'
          ) : (
            <>
              This pack is signed by “<bdi>{signature.signer}</bdi>”, but with a key you have not
              added.
            </>
          )}
        </strong>{' '}
        Nothing shows who made it or that it was not changed on the way. Import it only if you know
        where it came from. A care group can sign its packs: add its key in{' '}
        <a href={href.settings}>Settings</a>.
      </p>
      <div className="field-checkbox">
        <input
          id="pack-accept-unsigned"
          type="checkbox"
          checked={accepted}
          onChange={(event) => onAccept(event.target.checked)}
        />
        <label htmlFor="pack-accept-unsigned">I accept this pack as unsigned</label>
      </div>
    </div>
  );
}
