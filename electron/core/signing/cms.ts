import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijs } from './certificates';

/** Object identifiers of CMS (RFC 5652), ESS (RFC 5035) and the algorithms ATTK uses. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 { certHash
 * (SHA-256, the default hashAlgorithm, so omitted as DER requires), issuerSerial }. pkijs has no class
 * for it; the structure is composed from asn1js and pkijs types, never from bytes by hand.
 */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
    serialNumber: cert.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(new Uint8Array(cert.toSchema().toBER())) }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * CMS SignedData, detached, for PAdES baseline B-B (ETSI EN 319 142-1 §6.3): signed attributes
 * content-type, message-digest (SHA-256 of the signed byte ranges) and signing-certificate-v2; no
 * signing-time attribute (PAdES puts the claimed time in the signature dictionary's /M). `sign`
 * computes sha256WithRSAEncryption over the DER of the signed attributes — on the token.
 */
export async function buildDetachedCms(options: {
  content: Buffer;
  certificate: Buffer;
  chain: Buffer[];
  sign: (toBeSigned: Buffer) => Buffer | Promise<Buffer>;
}): Promise<Buffer> {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(options.certificate));
  const chain = options.chain.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(options.content) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert)] }),
    ],
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: sha256Id(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
  });
  // The signature covers the attributes encoded as a SET (RFC 5652 §5.4), not as the [0] field.
  const toBeSigned = Buffer.from(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  signerInfo.signature = new asn1js.OctetString({ valueHex: await options.sign(toBeSigned) });

  const seen = new Set<string>();
  const certificates = [cert, ...chain].filter((c) => {
    const key = Buffer.from(c.toSchema().toBER()).toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Id()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** The CMS as read back: the SignedData, its signer's certificate, and the ESS certificate hash it names. */
export interface ParsedCms {
  signedData: pkijs.SignedData;
  signer: pkijs.Certificate | null;
  others: pkijs.Certificate[];
  essCertHash: Buffer | null;
  digestAlgorithm: string;
}

export function parseCms(der: Buffer): ParsedCms | null {
  try {
    const asn = asn1js.fromBER(new Uint8Array(der));
    if (asn.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) return null;
    const signedData = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) return null;
    const certs = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const sid = signerInfo.sid;
    const signer =
      sid instanceof pkijs.IssuerAndSerialNumber
        ? (certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null)
        : null;
    const ess = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.signingCertificateV2);
    let essCertHash: Buffer | null = null;
    const first = ess?.values[0];
    if (first instanceof asn1js.Sequence) {
      const certsSeq = first.valueBlock.value[0];
      const id = certsSeq instanceof asn1js.Sequence ? certsSeq.valueBlock.value[0] : null;
      // ESSCertIDv2: an optional hashAlgorithm (absent = SHA-256) before certHash.
      const items = id instanceof asn1js.Sequence ? id.valueBlock.value : [];
      const hash = items.find((v) => v instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
      const algorithm = items[0] instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: items[0] }).algorithmId : OID.sha256;
      if (hash && algorithm === OID.sha256) essCertHash = Buffer.from(hash.valueBlock.valueHexView);
    }
    return { signedData, signer, others: certs.filter((c) => c !== signer), essCertHash, digestAlgorithm: signerInfo.digestAlgorithm.algorithmId };
  } catch {
    return null;
  }
}

/**
 * The message digest (compared here with SHA-256 of `content`) and the signature over the signed
 * attributes (pkijs, with the signer's certificate from the CMS).
 */
export async function verifyCmsSignature(parsed: ParsedCms, content: Buffer): Promise<{ digestOk: boolean; signatureOk: boolean }> {
  const attrs = parsed.signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const digest = attrs.find((a) => a.type === OID.messageDigest)?.values[0];
  const digestOk =
    parsed.digestAlgorithm === OID.sha256 && digest instanceof asn1js.OctetString && Buffer.from(digest.valueBlock.valueHexView).equals(sha256(content));
  if (!digestOk) return { digestOk, signatureOk: false };
  try {
    const result = await parsed.signedData.verify({ signer: 0, data: new Uint8Array(content).buffer, extendedMode: true, checkChain: false });
    return { digestOk, signatureOk: result.signatureVerified === true };
  } catch {
    return { digestOk, signatureOk: false };
  }
}

export { sha256 };
