import { describe, expect, it } from 'vitest';
import { isEncryptedBackup, openBackup, sealBackup, type ScryptCost } from './backupCipher';

/** A cheap key derivation so the tests stay quick; the real default is checked once below. */
const CHEAP: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'the cat sat on the mat';
const zip = new TextEncoder().encode('PK\x03\x04 pretend zip with residents in it');

describe('backup encryption', () => {
  it('round-trips with the right passphrase and never stores the plain bytes', async () => {
    const sealed = await sealBackup(zip, PASSPHRASE, CHEAP);
    expect(isEncryptedBackup(sealed)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from('residents'))).toBe(false);
    const opened = await openBackup(sealed, PASSPHRASE);
    expect(opened).toEqual({ ok: true, zip, encrypted: true });
  });

  it('uses a fresh salt and IV each time, so the same data never gives the same file', async () => {
    const [a, b] = await Promise.all([
      sealBackup(zip, PASSPHRASE, CHEAP),
      sealBackup(zip, PASSPHRASE, CHEAP),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('accepts the same passphrase typed with composed or decomposed accents', async () => {
    const sealed = await sealBackup(zip, 'caf\u00e9 au lait please', CHEAP);
    expect((await openBackup(sealed, 'cafe\u0301 au lait please')).ok).toBe(true);
  });

  it('refuses a wrong passphrase, saying it is the passphrase', async () => {
    const sealed = await sealBackup(zip, PASSPHRASE, CHEAP);
    expect(await openBackup(sealed, 'The cat sat on the mat')).toEqual({
      ok: false,
      problem:
        'the passphrase is not the one this backup was made with. Check capital letters and spaces, and try again.',
    });
    expect(await openBackup(sealed, null)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('this backup is encrypted') as string,
    });
  });

  it('refuses a change to any single byte of the file, header, body or tag', async () => {
    const sealed = await sealBackup(zip, PASSPHRASE, CHEAP);
    let refused = 0;
    for (let at = 0; at < sealed.length; at += 1) {
      const changed = sealed.slice();
      changed[at] = changed[at]! ^ 0x01;
      const opened = await openBackup(changed, PASSPHRASE);
      expect(opened.ok, `byte ${at}`).toBe(false);
      refused += 1;
    }
    const cut = await openBackup(sealed.subarray(0, sealed.length - 1), PASSPHRASE);
    expect(cut).toEqual({
      ok: false,
      problem: 'the backup file has been changed or damaged since it was made.',
    });
    console.log(
      `backup encryption: ${refused} of ${sealed.length} single-byte changes refused, and a cut file`,
    );
    expect(refused).toBe(sealed.length);
  });

  it('says a changed body byte is damage, not a wrong passphrase', async () => {
    const sealed = await sealBackup(zip, PASSPHRASE, CHEAP);
    const changed = sealed.slice();
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0x80;
    expect(await openBackup(changed, PASSPHRASE)).toEqual({
      ok: false,
      problem: 'the backup file has been changed or damaged since it was made.',
    });
  });

  it('passes an old plain zip through, marked as not encrypted', async () => {
    expect(await openBackup(zip, null)).toEqual({ ok: true, zip, encrypted: false });
  });

  it('refuses a header asking for more key-derivation memory than is safe', async () => {
    const sealed = Buffer.from(await sealBackup(zip, PASSPHRASE, CHEAP));
    const text = sealed.toString('latin1').replace('"N":1024', `"N":${2 ** 24}`);
    const opened = await openBackup(new Uint8Array(Buffer.from(text, 'latin1')), PASSPHRASE);
    expect(opened.ok).toBe(false);
  });

  it('derives the key with the default scrypt cost', async () => {
    const sealed = await sealBackup(zip, PASSPHRASE);
    expect(Buffer.from(sealed).toString('latin1')).toContain('"N":131072,"r":8,"p":1');
    expect((await openBackup(sealed, PASSPHRASE)).ok).toBe(true);
  });
});
