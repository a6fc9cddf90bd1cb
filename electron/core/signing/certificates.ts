import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// pkijs needs a WebCrypto engine; Node's is the one (set once, before any pkijs call).
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] }));

export { pkijs };

/** What ATTK shows and records of a certificate. */
export interface CertificateInfo {
  subject: string;
  commonName: string;
  organisation: string;
  issuer: string;
  issuerCommonName: string;
  /** Serial number in upper-case hex, as CA portals print it. */
  serial: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  isCa: boolean;
}

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** DER or PEM bytes → DER; null when it is neither. */
export function certificateDer(bytes: Buffer): Buffer | null {
  const text = bytes.subarray(0, 64).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(bytes.toString('latin1'));
    return m ? Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64') : null;
  }
  return bytes;
}

export function parseCertificate(der: Buffer): pkijs.Certificate | null {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    return cert;
  } catch {
    return null;
  }
}

function nameValues(name: pkijs.RelativeDistinguishedNames): { type: string; value: string }[] {
  return name.typesAndValues.map((tv) => ({
    type: NAME_OIDS[tv.type] ?? tv.type,
    value: String((tv.value as asn1js.Utf8String).valueBlock.value ?? ''),
  }));
}

const nameString = (name: pkijs.RelativeDistinguishedNames) => nameValues(name).map((v) => `${v.type}=${v.value}`).join(', ');
const nameField = (name: pkijs.RelativeDistinguishedNames, type: string) => nameValues(name).find((v) => v.type === type)?.value ?? '';

export function certificateInfo(cert: pkijs.Certificate): CertificateInfo {
  const der = Buffer.from(cert.toSchema().toBER());
  const basic = cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
  return {
    subject: nameString(cert.subject),
    commonName: nameField(cert.subject, 'CN'),
    organisation: nameField(cert.subject, 'O'),
    issuer: nameString(cert.issuer),
    issuerCommonName: nameField(cert.issuer, 'CN') || nameString(cert.issuer),
    serial: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: createHash('sha256').update(der).digest('hex'),
    isCa: Boolean(basic?.cA),
  };
}

/** True when the key-usage extension (if any) allows signing documents. */
export function allowsSigning(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return true;
  const bits = ext.parsedValue as asn1js.BitString;
  const first = bits.valueBlock.valueHexView[0] ?? 0;
  // digitalSignature (bit 0) or nonRepudiation/contentCommitment (bit 1).
  return (first & 0x80) !== 0 || (first & 0x40) !== 0;
}
