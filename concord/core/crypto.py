"""Encryption of personal data at rest (ID numbers, phones, addresses, health details).

AES-256-GCM with a random 96-bit nonce per value. A stored value reads
``v1:<key id>:<base64(nonce + ciphertext)>``; the key id names which configured key sealed it,
so keys can rotate: the first key in ``settings.DATA_KEYS`` encrypts, every listed key decrypts.
The 256-bit key is the SHA-256 of the configured key material, so any long random string works.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "v1"


class DecryptionError(Exception):
    """A stored value could not be opened with any configured key."""


@dataclass(frozen=True)
class DataKey:
    key_id: str
    aead: AESGCM


@lru_cache(maxsize=8)
def _keys(material: tuple[str, ...]) -> tuple[DataKey, ...]:
    keys = []
    for item in material:
        raw = hashlib.sha256(item.encode()).digest()
        keys.append(DataKey(key_id=hashlib.sha256(raw).hexdigest()[:8], aead=AESGCM(raw)))
    return tuple(keys)


def data_keys() -> tuple[DataKey, ...]:
    """Return the configured keys, the encrypting one first."""
    material = tuple(settings.DATA_KEYS)
    if not material:
        raise ImproperlyConfigured("CONCORD_DATA_KEY is not set: personal data cannot be stored.")
    return _keys(material)


def encrypt(plaintext: str) -> str:
    key = data_keys()[0]
    nonce = os.urandom(12)
    sealed = key.aead.encrypt(nonce, plaintext.encode(), key.key_id.encode())
    return f"{PREFIX}:{key.key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(token: str) -> str:
    try:
        prefix, key_id, payload = token.split(":", 2)
    except ValueError as exc:
        raise DecryptionError("not an encrypted value") from exc
    if prefix != PREFIX:
        raise DecryptionError(f"unknown format {prefix!r}")
    blob = base64.b64decode(payload)
    for key in data_keys():
        if key.key_id == key_id:
            return key.aead.decrypt(blob[:12], blob[12:], key_id.encode()).decode()
    raise DecryptionError(f"no configured key has id {key_id}")


def is_sealed_with_current_key(token: str) -> bool:
    return token.split(":", 2)[1:2] == [data_keys()[0].key_id]


def blind_index(value: str) -> str:
    """Return a keyed hash of ``value`` so equal values can be found without decrypting."""
    secret = hashlib.sha256(("index:" + settings.DATA_KEYS[0]).encode()).digest()
    return hmac.new(secret, value.strip().upper().encode(), hashlib.sha256).hexdigest()[:32]
