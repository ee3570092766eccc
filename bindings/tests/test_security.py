"""TLS against the tls node (127.0.2.1: client TLS required, certificate signed by the test CA with
the node's IPs in its subject alternative names) and password authentication against the auth
node (127.0.1.1, cassandra/cassandra). acsylla passes certificates and keys as PEM text.
The mtls node (127.0.3.1, client certificate required) is used when it runs."""

import os
import uuid

import acsylla
import pytest
from acsylla import errors

from conftest import AUTH_HOST, HOST, TLS_DIR, TLS_HOST, make_cluster, node_is_up, require_node

MTLS_HOST = os.environ.get("ACSYLLA_TEST_MTLS_HOST", "127.0.3.1")


def pem(name):
    path = os.path.join(TLS_DIR, name)
    if not os.path.exists(path):
        pytest.skip(f"{path} is missing (scripts/cassandra start tls makes it)")
    with open(path) as f:
        return f.read()


@pytest.fixture
def tls_node():
    require_node(TLS_HOST, "tls")


@pytest.fixture
def auth_node():
    require_node(AUTH_HOST, "auth")


async def connection_facts(session, application_name):
    result = await session.execute(acsylla.create_statement("SELECT * FROM system_views.clients"))
    return [
        row.as_dict() for row in result if (row.as_dict().get("client_options") or {}).get("APPLICATION_NAME") == application_name
    ]


async def check_connects(contact_point, **options):
    name = f"pyt-sec-{uuid.uuid4().hex[:8]}"
    cluster = make_cluster([contact_point], application_name=name, **options)
    session = await cluster.create_session()
    try:
        result = await session.execute(acsylla.create_statement("SELECT broadcast_address FROM system.local"))
        assert result.first().as_list() == [contact_point]
        return await connection_facts(session, name)
    finally:
        await session.close()


async def check_fails(error, contact_point, **options):
    cluster = make_cluster([contact_point], **options)
    with pytest.raises(error):
        await cluster.create_session()


@pytest.mark.tls
@pytest.mark.parametrize("verify", ["PEER_CERT", "PEER_IDENTITY", acsylla.SSLVerifyFlags.PEER_CERT])
async def test_tls_with_trusted_ca(tls_node, verify):
    facts = await check_connects(TLS_HOST, ssl_enabled=True, ssl_trusted_cert=pem("ca.pem"), ssl_verify_flags=verify)
    assert facts and all(f["ssl_enabled"] is True for f in facts)
    assert all(f["ssl_protocol"] for f in facts)


@pytest.mark.tls
async def test_tls_without_verification(tls_node):
    facts = await check_connects(TLS_HOST, ssl_enabled=True, ssl_verify_flags="NONE")
    assert facts and all(f["ssl_enabled"] is True for f in facts)


@pytest.mark.tls
async def test_tls_with_a_client_certificate(tls_node):
    await check_connects(
        TLS_HOST, ssl_enabled=True, ssl_trusted_cert=pem("ca.pem"), ssl_cert=pem("client.pem"), ssl_private_key=pem("client.key")
    )
    await check_connects(
        TLS_HOST,
        ssl_enabled=True,
        ssl_trusted_cert=pem("ca.pem"),
        ssl_cert=pem("client.pem"),
        ssl_private_key=pem("client-encrypted.key"),
        ssl_private_key_password="clientpass",
    )


@pytest.mark.tls
async def test_untrusted_server_certificate(tls_node):
    await check_fails(errors.CassErrorSslInvalidPeerCert, TLS_HOST, ssl_enabled=True)
    # A certificate that is not the CA of the node's certificate.
    await check_fails(errors.CassErrorSslInvalidPeerCert, TLS_HOST, ssl_enabled=True, ssl_trusted_cert=pem("client.pem"))


@pytest.mark.tls
async def test_identity_by_dns_name_without_a_name(tls_node):
    # 127.0.2.1 has no reverse DNS name, so no name can match the certificate. On a machine whose
    # resolver cannot be reached the reverse lookup itself fails ("temporary failure"), and the C++
    # driver then refuses the host before TLS (no hosts available): either way, no connection.
    await check_fails(
        (errors.CassErrorSslIdentityMismatch, errors.CassErrorLibNoHostsAvailable),
        TLS_HOST,
        ssl_enabled=True,
        ssl_trusted_cert=pem("ca.pem"),
        ssl_verify_flags="PEER_IDENTITY_DNS",
        hostname_resolution=True,
    )


@pytest.mark.tls
async def test_plaintext_to_a_tls_node(tls_node):
    await check_fails(errors.CassErrorLibNoHostsAvailable, TLS_HOST)


async def test_tls_to_a_plaintext_node():
    await check_fails(errors.CassErrorSslProtocolError, HOST, ssl_enabled=True, ssl_verify_flags="NONE")


async def test_bad_pem_text_is_refused_at_once():
    with pytest.raises(errors.CassErrorSslInvalidCert):
        make_cluster(ssl_enabled=True, ssl_trusted_cert="not a certificate")
    with pytest.raises(errors.CassErrorSslInvalidCert):
        make_cluster(ssl_enabled=True, ssl_cert="not a certificate")


@pytest.mark.tls
async def test_wrong_private_key_password():
    with pytest.raises(errors.CassErrorSslInvalidPrivateKey):
        make_cluster(
            ssl_enabled=True,
            ssl_cert=pem("client.pem"),
            ssl_private_key=pem("client-encrypted.key"),
            ssl_private_key_password="wrong",
        )


async def test_mutual_tls():
    if not node_is_up(MTLS_HOST):
        pytest.skip("mtls node not running")
    await check_connects(
        MTLS_HOST, ssl_enabled=True, ssl_trusted_cert=pem("ca.pem"), ssl_cert=pem("client.pem"), ssl_private_key=pem("client.key")
    )
    with pytest.raises(errors.CassException):
        await make_cluster([MTLS_HOST], ssl_enabled=True, ssl_trusted_cert=pem("ca.pem")).create_session()


@pytest.mark.auth
async def test_password_authentication(auth_node):
    facts = await check_connects(AUTH_HOST, username="cassandra", password="cassandra")
    assert facts and all(f["username"] == "cassandra" for f in facts)


@pytest.mark.auth
async def test_credentials_set_after_creation(auth_node):
    cluster = make_cluster([AUTH_HOST])
    cluster.set_credentials("cassandra", "cassandra")
    session = await cluster.create_session()
    await session.close()


@pytest.mark.auth
async def test_wrong_password(auth_node):
    await check_fails(errors.CassErrorServerBadCredentials, AUTH_HOST, username="cassandra", password="wrong")


@pytest.mark.auth
async def test_missing_credentials(auth_node):
    await check_fails(errors.CassErrorServerBadCredentials, AUTH_HOST)


async def test_credentials_unused_by_a_node_without_auth():
    await check_connects(HOST, username="cassandra", password="cassandra")
