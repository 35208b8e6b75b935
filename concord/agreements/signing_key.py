"""The centre's signing key and certificate, which seal every signed agreement (PAdES).

Production supplies them: ``CONCORD_SIGNING_KEY_FILE`` (PEM private key, optionally encrypted
with ``CONCORD_SIGNING_KEY_PASSPHRASE``), ``CONCORD_SIGNING_CERT_FILE`` (PEM certificate with
digitalSignature and nonRepudiation), ``CONCORD_SIGNING_CHAIN_FILE`` (PEM, the issuing CA
certificates, embedded in each signature) and ``CONCORD_SIGNING_TRUST_FILE`` (PEM, the roots a
verification trusts; defaults to the chain file).

Without them (development, tests) a self-signed CA and a signing certificate are generated once
under ``var/keys/`` (never committed: ``var/`` is ignored) and reused: ECDSA P-256, the CA valid
10 years, the signing certificate 2 years. Such a seal proves integrity, not identity: nothing
outside this installation trusts that CA.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

CA_YEARS = 10
SIGNING_YEARS = 2
DEV_FILES = ("ca.pem", "ca-key.pem", "signing-cert.pem", "signing-key.pem")


@dataclass(frozen=True)
class SigningFiles:
    key: Path
    cert: Path
    chain: tuple[Path, ...]
    trust: tuple[Path, ...]
    passphrase: bytes | None = None


def signing_files() -> SigningFiles:
    """Return the configured key material, or the development key material (made if missing)."""
    key = getattr(settings, "CONCORD_SIGNING_KEY_FILE", "") or ""
    cert = getattr(settings, "CONCORD_SIGNING_CERT_FILE", "") or ""
    if key and cert:
        chain_file = getattr(settings, "CONCORD_SIGNING_CHAIN_FILE", "") or ""
        trust_file = getattr(settings, "CONCORD_SIGNING_TRUST_FILE", "") or chain_file
        passphrase = getattr(settings, "CONCORD_SIGNING_KEY_PASSPHRASE", "") or ""
        return SigningFiles(
            key=Path(key),
            cert=Path(cert),
            chain=(Path(chain_file),) if chain_file else (),
            trust=(Path(trust_file),) if trust_file else (Path(cert),),
            passphrase=passphrase.encode() if passphrase else None,
        )
    folder = dev_keys_dir()
    if not all((folder / name).exists() for name in DEV_FILES):
        _generate_dev_keys(folder)
    return SigningFiles(
        key=folder / "signing-key.pem",
        cert=folder / "signing-cert.pem",
        chain=(folder / "ca.pem",),
        trust=(folder / "ca.pem",),
    )


def dev_keys_dir() -> Path:
    return Path(getattr(settings, "CONCORD_SIGNING_DEV_DIR", "") or Path(settings.VAR_DIR) / "keys")


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Concord (development only)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def generate_ca_and_signing_cert(
    now: dt.datetime | None = None,
) -> tuple[
    x509.Certificate, ec.EllipticCurvePrivateKey, x509.Certificate, ec.EllipticCurvePrivateKey
]:
    """Return a self-signed CA (10 years) and a signing certificate it issued (2 years)."""
    now = now or dt.datetime.now(dt.UTC)
    start = now - dt.timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Concord Development Root CA")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Concord Development Mediation Centre Seal"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 * SIGNING_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return ca_cert, ca_key, cert, key


def _generate_dev_keys(folder: Path) -> None:
    """Write the four files into a fresh folder, then move it into place in one step, so two
    processes starting together never mix one's key with the other's certificate."""
    ca_cert, ca_key, cert, key = generate_ca_and_signing_cert()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".keys-", dir=folder.parent))
    pem = serialization.Encoding.PEM
    contents = {
        "ca.pem": ca_cert.public_bytes(pem),
        "ca-key.pem": _pem_key(ca_key),
        "signing-cert.pem": cert.public_bytes(pem),
        "signing-key.pem": _pem_key(key),
    }
    for name, data in contents.items():
        path = staging / name
        path.write_bytes(data)
        os.chmod(path, 0o600)
    try:
        os.rename(staging, folder)  # fails if another process got there first (or folder exists)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not all((folder / name).exists() for name in DEV_FILES):
            raise
