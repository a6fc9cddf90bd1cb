import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A software token (SoftHSM2) and a small PKI made for one test run, in a temporary folder:
 * a test root CA, a second CA nobody trusts, and on the token three RSA-2048 keys with their
 * certificates — "signer" (valid, from the test CA), "untrusted" (from the other CA) and "expired"
 * (from the test CA, valid 2020–2021). SOFTHSM2_CONF points at the folder's own configuration, so
 * nothing touches the machine's tokens.
 */
export const SOFTHSM_LIBRARY = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((p) => existsSync(p)) ?? '';
const installed = SOFTHSM_LIBRARY !== '' && commandExists('softhsm2-util') && commandExists('openssl') && commandExists('pkcs11-tool');
// CI installs SoftHSM2 (.ci/run sets ATTK_REQUIRE_SOFTHSM=1): there a missing token is a failure,
// never a silently skipped suite. Elsewhere the signing tests skip with their reason.
if (!installed && process.env.ATTK_REQUIRE_SOFTHSM === '1') throw new Error('SoftHSM2, openssl or pkcs11-tool is missing, and ATTK_REQUIRE_SOFTHSM=1');
export const softhsmAvailable = installed;

export interface TestPki {
  dir: string;
  library: string;
  pin: string;
  tokenLabel: string;
  /** DER of the trusted test root. */
  rootDer: Buffer;
  rootPem: string;
  /** DER of the CA nobody trusts. */
  otherRootDer: Buffer;
  keys: Record<'signer' | 'untrusted' | 'expired', { keyPem: string; certDer: Buffer }>;
  env: NodeJS.ProcessEnv;
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CA_CONFIG = (dir: string) => `
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
serial = ${dir}/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
x509_extensions = signer_ext
[ any ]
countryName = optional
organizationName = optional
commonName = supplied
[ signer_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ req ]
distinguished_name = dn
string_mask = utf8only
[ dn ]
[ root_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

function makeCa(dir: string, name: string, subject: string): { dir: string; config: string } {
  const caDir = join(dir, name);
  mkdirSync(join(caDir, 'newcerts'), { recursive: true });
  writeFileSync(join(caDir, 'index.txt'), '');
  // openssl reads the serial as hex and wants an even number of digits: always eight.
  writeFileSync(join(caDir, 'serial'), `${(0x10000000 + Math.floor(Math.random() * 0x6fffffff)).toString(16)}\n`);
  const config = join(caDir, 'ca.cnf');
  writeFileSync(config, CA_CONFIG(caDir));
  execFileSync('openssl', ['req', '-x509', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(caDir, 'ca.key'), '-out', join(caDir, 'ca.pem'), '-days', '3650', '-subj', subject, '-utf8', '-config', config, '-extensions', 'root_ext', '-set_serial', '1'], { stdio: 'pipe' });
  // openssl ca expects the CA's files under these names.
  return { dir: caDir, config };
}

function issue(ca: { dir: string; config: string }, outDir: string, name: string, subject: string, dates: { start?: string; end?: string; days?: number }): { keyPem: string; certDer: Buffer } {
  const key = join(outDir, `${name}.key`);
  const csr = join(outDir, `${name}.csr`);
  const pem = join(outDir, `${name}.pem`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'pipe' });
  execFileSync('openssl', ['req', '-new', '-key', key, '-out', csr, '-subj', subject, '-utf8', '-config', ca.config], { stdio: 'pipe' });
  // Valid from yesterday, so a test's "now" taken before the run is inside the validity.
  const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  const start = dates.start ?? stamp(new Date(Date.now() - 24 * 3600_000));
  const end = dates.end ?? stamp(new Date(Date.now() + (dates.days ?? 365) * 24 * 3600_000));
  const validity = ['-startdate', start, '-enddate', end];
  execFileSync('openssl', ['ca', '-batch', '-config', ca.config, '-cert', join(ca.dir, 'ca.pem'), '-keyfile', join(ca.dir, 'ca.key'), '-in', csr, '-out', pem, '-notext', '-utf8', ...validity], { stdio: 'pipe' });
  const certDer = execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER']);
  return { keyPem: readFileSync(key, 'utf8'), certDer };
}

/**
 * An empty NSS database for pdfsig (poppler verifies through NSS and will not start without one;
 * certutil is not installed, so libnss3 itself creates it, through Python's ctypes).
 */
export function createNssDatabase(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const script = 'import ctypes,sys\nnss=ctypes.CDLL("libnss3.so")\nsys.exit(nss.NSS_InitReadWrite(("sql:"+sys.argv[1]).encode()) or nss.NSS_Shutdown())';
  execFileSync('python3', ['-c', script, dir], { stdio: 'pipe' });
  return `sql:${dir}`;
}

/** Builds the PKI and the token in `dir`. Takes ~2 s (key generation). */
export function createTestPki(dir: string): TestPki {
  const pin = '246810';
  const tokenLabel = 'ATTK Test Token';
  const conf = join(dir, 'softhsm2.conf');
  mkdirSync(join(dir, 'tokens'), { recursive: true });
  writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  process.env.SOFTHSM2_CONF = conf;

  const root = makeCa(dir, 'root', '/C=VN/O=Tổ chức chứng thực thử nghiệm/CN=ATTK Test Root CA');
  const other = makeCa(dir, 'other', '/C=VN/O=CA lạ/CN=Untrusted Test CA');
  const org = 'UBND PHƯỜNG LÁNG THƯỢNG';
  const keys = {
    signer: issue(root, dir, 'signer', `/C=VN/O=${org}/CN=Nguyễn Văn An`, { days: 365 }),
    untrusted: issue(other, dir, 'untrusted', `/C=VN/O=${org}/CN=Trần Thị Bình`, { days: 365 }),
    expired: issue(root, dir, 'expired', `/C=VN/O=${org}/CN=Lê Văn Cũ`, { start: '20200101000000Z', end: '20210101000000Z' }),
  };

  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', tokenLabel, '--so-pin', '13579135', '--pin', pin], { env, stdio: 'pipe' });
  let id = 1;
  for (const [label, key] of Object.entries(keys)) {
    const hexId = id.toString(16).padStart(2, '0');
    const keyFile = join(dir, `${label}.key`);
    const certFile = join(dir, `${label}.der`);
    writeFileSync(certFile, key.certDer);
    execFileSync('softhsm2-util', ['--import', keyFile, '--token', tokenLabel, '--label', label, '--id', hexId, '--pin', pin], { env, stdio: 'pipe' });
    execFileSync('pkcs11-tool', ['--module', SOFTHSM_LIBRARY, '--token-label', tokenLabel, '--write-object', certFile, '--type', 'cert', '--id', hexId, '--label', label], { env, stdio: 'pipe' });
    id++;
  }
  const rootPem = readFileSync(join(root.dir, 'ca.pem'), 'utf8');
  const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return {
    dir,
    library: SOFTHSM_LIBRARY,
    pin,
    tokenLabel,
    rootDer: der(rootPem),
    rootPem,
    otherRootDer: der(readFileSync(join(other.dir, 'ca.pem'), 'utf8')),
    keys,
    env,
  };
}
