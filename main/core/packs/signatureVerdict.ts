import type { PackSignatureView } from '../../contract/authoringTypes';
import type { CareGroupKey } from '../../contract/types';
import type { SignatureCheck } from './packSignature';

export interface SignatureVerdict {
  /** What the import preview says about who vouches for the pack. */
  view: PackSignatureView;
  /** Why the pack must be refused whatever the admin ticks, or null. */
  refuse: string | null;
}

/**
 * What a pack's signature means here. A signature that does not match is refused before this
 * (readPack); a good one from a care group is refused when an newer pack from the same group is
 * already installed, so an old plan cannot be slipped back in. A pack no trusted key vouches for
 * needs the admin to accept it as unsigned only in a home that has added a care group's key: there
 * the group's packs are expected signed, so anything else may be a stand-in. A home with no keys
 * shares packs unsigned, as before signing existed, and is told in words that the pack is not
 * signed.
 */
export function signatureVerdict(check: SignatureCheck, keys: CareGroupKey[]): SignatureVerdict {
  const mustAccept = keys.length > 0;
  switch (check.status) {
    case 'good': {
      const view: PackSignatureView = {
        status: 'good',
        signer: check.signer,
        keyName: check.keyName,
        fingerprint: check.fingerprint,
      };
      const installed = keys.find((key) => key.keyId === check.keyId)?.lastPackCreated ?? null;
      const older = installed !== null && Date.parse(check.packCreated) < Date.parse(installed);
      return {
        view,
        refuse: older
          ? `The pack was refused: it is an older pack from ${check.keyName} (made ${check.packCreated.slice(0, 10)}) than the one already imported (made ${installed.slice(0, 10)}). Ask ${check.keyName} for their latest pack.`
          : null,
      };
    }
    case 'unknown-key':
      return { view: { status: 'unknown-key', signer: check.signer, mustAccept }, refuse: null };
    case 'unsigned':
      return { view: { status: 'unsigned', mustAccept }, refuse: null };
    case 'bad':
      return {
        view: { status: 'unsigned', mustAccept: true },
        refuse: `The pack was refused: ${check.reason}.`,
      };
  }
}
