// The e.firma operations of the signing page, kept apart from the DOM so they can be tested in Node.
import forge from 'node-forge';

/** Decrypts a SAT `.key` (encrypted PKCS#8 DER); null on a wrong password or a bad file. */
export function decryptKey(der: Uint8Array, password: string): forge.pki.rsa.PrivateKey | null {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(der));
    // OpenSSL (and so node:crypto and SAT's tools) derive the key from the password's UTF-8 bytes.
    const info = forge.pki.decryptPrivateKeyInfo(asn1, forge.util.encodeUtf8(password.normalize('NFC')));
    return info ? (forge.pki.privateKeyFromAsn1(info) as forge.pki.rsa.PrivateKey) : null;
  } catch {
    return null;
  }
}

/** RSA PKCS#1 v1.5 over SHA-256 of binary-string bytes, base64. */
export function signBytes(key: forge.pki.rsa.PrivateKey, bytes: string): string {
  const md = forge.md.sha256.create();
  md.update(bytes, 'raw');
  return forge.util.encode64(key.sign(md));
}

/** The sello digital: the cadena original's UTF-8 bytes signed. */
export function signText(key: forge.pki.rsa.PrivateKey, text: string): string {
  return signBytes(key, forge.util.encodeUtf8(text));
}

/** Signs base64 bytes prepared by the server (the CMS signed attributes). */
export function signBase64(key: forge.pki.rsa.PrivateKey, b64: string): string {
  return signBytes(key, forge.util.decode64(b64));
}

/** Hex RSA modulus without leading zeros, to compare a key with the registered certificate. */
export function modulusHex(key: forge.pki.rsa.PrivateKey): string {
  return key.n.toString(16).replace(/^0+/, '');
}
