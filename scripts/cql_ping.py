#!/usr/bin/env python3
"""Minimal, dependency-free CQL native protocol v4 probe (Python 3 stdlib only).

Used by scripts/cassandra to decide when a test node is ready and for its smoke
checks. It speaks just enough of native_protocol_v4.spec:

  OPTIONS -> SUPPORTED, STARTUP -> READY | AUTHENTICATE,
  SASL PLAIN: AUTH_RESPONSE -> AUTH_CHALLENGE* -> AUTH_SUCCESS,
  QUERY -> RESULT (Void, Rows, Set_keyspace, Schema_change) | ERROR,

optionally over TLS (CA file, server name, client certificate and key).

Examples:
  cql_ping.py --host 127.0.0.1 --query 'SELECT release_version FROM system.local'
  cql_ping.py --host 127.0.1.1 --user cassandra --password cassandra
  cql_ping.py --host 127.0.2.1 --tls-ca server.pem --server-hostname localhost --json \
      --query 'SELECT peer, data_center FROM system.peers'

Exit codes:
  0 ok; 1 cannot connect / connection closed / TLS failure / timeout;
  2 the server answered with an ERROR (other than bad credentials) or
    something unexpected; 3 bad credentials (ERROR 0x0100); 4 usage error.
"""

import argparse
import ipaddress
import json
import socket
import ssl
import struct
import sys
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

# ---------------------------------------------------------------- constants --
PROTOCOL_VERSION = 4
HEADER = struct.Struct(">BBhBi")  # version, flags, stream, opcode, length: 9 bytes

OP_ERROR = 0x00
OP_STARTUP = 0x01
OP_READY = 0x02
OP_AUTHENTICATE = 0x03
OP_OPTIONS = 0x05
OP_SUPPORTED = 0x06
OP_QUERY = 0x07
OP_RESULT = 0x08
OP_AUTH_CHALLENGE = 0x0E
OP_AUTH_RESPONSE = 0x0F
OP_AUTH_SUCCESS = 0x10

FLAG_TRACING = 0x02
FLAG_CUSTOM_PAYLOAD = 0x04
FLAG_WARNING = 0x08

CONSISTENCY = {
    "ANY": 0x0000, "ONE": 0x0001, "TWO": 0x0002, "THREE": 0x0003,
    "QUORUM": 0x0004, "ALL": 0x0005, "LOCAL_QUORUM": 0x0006,
    "EACH_QUORUM": 0x0007, "SERIAL": 0x0008, "LOCAL_SERIAL": 0x0009,
    "LOCAL_ONE": 0x000A,
}

ERROR_NAMES = {
    0x0000: "Server error", 0x000A: "Protocol error",
    0x0100: "Bad credentials", 0x1000: "Unavailable", 0x1001: "Overloaded",
    0x1002: "Is_bootstrapping", 0x1003: "Truncate_error",
    0x1100: "Write_timeout", 0x1200: "Read_timeout", 0x1300: "Read_failure",
    0x1400: "Function_failure", 0x1500: "Write_failure",
    0x2000: "Syntax_error", 0x2100: "Unauthorized", 0x2200: "Invalid",
    0x2300: "Config_error", 0x2400: "Already_exists", 0x2500: "Unprepared",
}
ERR_BAD_CREDENTIALS = 0x0100

# Exit codes.
EXIT_OK, EXIT_CONNECT, EXIT_SERVER, EXIT_BAD_CREDENTIALS, EXIT_USAGE = 0, 1, 2, 3, 4


class ConnectError(Exception):
    """Could not reach the server, or it closed the connection on us."""


class ServerError(Exception):
    """The server answered with an ERROR frame."""

    def __init__(self, code, message):
        super().__init__("%s (0x%04X): %s" % (ERROR_NAMES.get(code, "Error"), code, message))
        self.code = code
        self.message = message


# ------------------------------------------------------------ body encoders --
def enc_short(n):
    return struct.pack(">H", n)


def enc_int(n):
    return struct.pack(">i", n)


def enc_string(s):
    b = s.encode("utf-8")
    return enc_short(len(b)) + b


def enc_long_string(s):
    b = s.encode("utf-8")
    return enc_int(len(b)) + b


def enc_bytes(b):
    return enc_int(-1) if b is None else enc_int(len(b)) + b


def enc_string_map(m):
    out = enc_short(len(m))
    for k, v in m.items():
        out += enc_string(k) + enc_string(v)
    return out


# ------------------------------------------------------------ body decoder --
class Reader:
    """Cursor over a frame body with the spec's notations ([int], [string] ...)."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if n < 0 or self.pos + n > len(self.data):
            raise ValueError("truncated body (want %d bytes at %d of %d)" % (n, self.pos, len(self.data)))
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def byte(self):
        return self.take(1)[0]

    def short(self):
        return struct.unpack(">H", self.take(2))[0]

    def int(self):
        return struct.unpack(">i", self.take(4))[0]

    def string(self):
        return self.take(self.short()).decode("utf-8", "replace")

    def long_string(self):
        return self.take(self.int()).decode("utf-8", "replace")

    def bytes(self):
        n = self.int()
        return None if n < 0 else self.take(n)

    def short_bytes(self):
        return self.take(self.short())

    def uuid(self):
        return uuid.UUID(bytes=bytes(self.take(16)))

    def string_list(self):
        return [self.string() for _ in range(self.short())]

    def string_multimap(self):
        return {self.string(): self.string_list() for _ in range(self.short())}

    def bytes_map(self):
        return {self.string(): self.bytes() for _ in range(self.short())}

    def inet(self):  # [inet]: size byte, address, [int] port
        addr = ipaddress.ip_address(bytes(self.take(self.byte())))
        return "%s:%d" % (addr, self.int())

    # [option] describing a column type -> nested tuple (name, *params)
    def option(self):
        tid = self.short()
        if tid == 0x0000:
            return ("custom", self.string())
        if tid in (0x0020, 0x0022):
            return ("list" if tid == 0x0020 else "set", self.option())
        if tid == 0x0021:
            return ("map", self.option(), self.option())
        if tid == 0x0030:
            ks, name = self.string(), self.string()
            fields = [(self.string(), self.option()) for _ in range(self.short())]
            return ("udt", ks, name, fields)
        if tid == 0x0031:
            return ("tuple", [self.option() for _ in range(self.short())])
        return (SIMPLE_TYPES.get(tid, "unknown_0x%04x" % tid),)


SIMPLE_TYPES = {
    0x0001: "ascii", 0x0002: "bigint", 0x0003: "blob", 0x0004: "boolean",
    0x0005: "counter", 0x0006: "decimal", 0x0007: "double", 0x0008: "float",
    0x0009: "int", 0x000B: "timestamp", 0x000C: "uuid", 0x000D: "varchar",
    0x000E: "varint", 0x000F: "timeuuid", 0x0010: "inet", 0x0011: "date",
    0x0012: "time", 0x0013: "smallint", 0x0014: "tinyint", 0x0015: "duration",
}


def type_name(t):
    """Human-readable CQL type of a decoded [option]."""
    kind = t[0]
    if kind in ("list", "set"):
        return "%s<%s>" % (kind, type_name(t[1]))
    if kind == "map":
        return "map<%s, %s>" % (type_name(t[1]), type_name(t[2]))
    if kind == "tuple":
        return "tuple<%s>" % ", ".join(type_name(x) for x in t[1])
    if kind == "udt":
        return "%s.%s" % (t[1], t[2])
    if kind == "custom":
        return "'%s'" % t[1]
    return kind


def _vint(r):
    """Unsigned variable-length integer (used by duration)."""
    first = r.byte()
    extra = 0
    while extra < 8 and first & (0x80 >> extra):
        extra += 1
    value = first & (0xFF >> (extra + 1)) if extra < 8 else 0
    for _ in range(extra):
        value = (value << 8) | r.byte()
    return value


def _zigzag(n):
    return (n >> 1) ^ -(n & 1)


def decode_value(t, b):
    """Decode one [bytes] cell of CQL type t into a JSON-friendly Python value."""
    if b is None:
        return None
    kind = t[0]
    if kind in ("ascii", "varchar"):
        return b.decode("utf-8", "replace")
    if kind in ("bigint", "counter", "time"):
        return struct.unpack(">q", b)[0]
    if kind == "int":
        return struct.unpack(">i", b)[0]
    if kind == "smallint":
        return struct.unpack(">h", b)[0]
    if kind == "tinyint":
        return struct.unpack(">b", b)[0]
    if kind == "boolean":
        return b != b"\x00"
    if kind == "double":
        return struct.unpack(">d", b)[0]
    if kind == "float":
        return struct.unpack(">f", b)[0]
    if kind in ("uuid", "timeuuid"):
        return str(uuid.UUID(bytes=bytes(b)))
    if kind == "inet":
        return str(ipaddress.ip_address(bytes(b)))
    if kind == "varint":
        return int.from_bytes(b, "big", signed=True)
    if kind == "decimal":
        scale = struct.unpack(">i", b[:4])[0]
        unscaled = int.from_bytes(b[4:], "big", signed=True)
        return str(Decimal(unscaled).scaleb(-scale))
    if kind == "timestamp":
        ms = struct.unpack(">q", b)[0]
        try:
            return datetime.fromtimestamp(ms / 1000.0, tz=timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return ms
    if kind == "date":  # days since epoch, centred on 2^31
        days = struct.unpack(">I", b)[0] - (1 << 31)
        try:
            return (date(1970, 1, 1) + timedelta(days=days)).isoformat()
        except OverflowError:
            return days
    if kind == "duration" or t == ("custom", "org.apache.cassandra.db.marshal.DurationType"):
        r = Reader(b)
        return "%dmo%dd%dns" % tuple(_zigzag(_vint(r)) for _ in range(3))
    if kind in ("list", "set"):
        r = Reader(b)
        return [decode_value(t[1], r.bytes()) for _ in range(r.int())]
    if kind == "map":
        r = Reader(b)
        out = {}
        for _ in range(r.int()):
            k = decode_value(t[1], r.bytes())
            out[k if isinstance(k, (str, int, float, bool)) else json.dumps(k)] = decode_value(t[2], r.bytes())
        return out
    if kind == "tuple":
        r = Reader(b)
        vals = []
        for et in t[1]:
            vals.append(decode_value(et, r.bytes()) if r.pos < len(b) else None)
        return vals
    if kind == "udt":
        r = Reader(b)
        out = {}
        for name, ft in t[3]:
            out[name] = decode_value(ft, r.bytes()) if r.pos < len(b) else None
        return out
    return "0x" + bytes(b).hex()  # blob, custom, unknown


# ---------------------------------------------------------------- connection --
class Connection:
    def __init__(self, host, port, timeout, tls=None, verbose=False):
        self.verbose = verbose
        self.stream_id = 0
        self.warnings = []
        try:
            raw = socket.create_connection((host, port), timeout=timeout)
        except OSError as e:
            raise ConnectError("cannot connect to %s:%d: %s" % (host, port, e)) from None
        raw.settimeout(timeout)
        if tls is not None:
            ctx, server_hostname = tls
            try:
                self.sock = ctx.wrap_socket(raw, server_hostname=server_hostname)
            except (ssl.SSLError, ssl.CertificateError, OSError) as e:
                raw.close()
                raise ConnectError("TLS handshake with %s:%d failed: %s" % (host, port, e)) from None
        else:
            self.sock = raw

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def _recv_exact(self, n):
        buf = bytearray()
        while len(buf) < n:
            try:
                chunk = self.sock.recv(n - len(buf))
            except socket.timeout:
                raise ConnectError("timed out waiting for the server") from None
            except (ssl.SSLError, OSError) as e:
                raise ConnectError("connection error: %s" % e) from None
            if not chunk:
                raise ConnectError("connection closed by the server")
            buf += chunk
        return bytes(buf)

    def request(self, opcode, body=b""):
        """Send one request frame and return (opcode, Reader) of its response."""
        self.stream_id = (self.stream_id + 1) % 0x7FFF
        frame = HEADER.pack(PROTOCOL_VERSION, 0, self.stream_id, opcode, len(body)) + body
        try:
            self.sock.sendall(frame)
        except (ssl.SSLError, OSError) as e:
            raise ConnectError("send failed: %s" % e) from None
        while True:
            version, flags, stream, op, length = HEADER.unpack(self._recv_exact(HEADER.size))
            body = self._recv_exact(length) if length else b""
            if (version & 0x7F) != PROTOCOL_VERSION or not (version & 0x80):
                # The server could not use v4 and replied with its own version (an ERROR).
                r = Reader(body)
                if op == OP_ERROR:
                    code = r.int()
                    raise ServerError(code, r.string())
                raise ServerError(0x000A, "unexpected response version 0x%02x" % version)
            if stream != self.stream_id:
                continue  # an EVENT (stream -1) or a stray response: ignore
            r = Reader(body)
            if flags & FLAG_TRACING:
                r.uuid()
            if flags & FLAG_WARNING:
                self.warnings.extend(r.string_list())
            if flags & FLAG_CUSTOM_PAYLOAD:
                r.bytes_map()
            if op == OP_ERROR:
                code = r.int()
                raise ServerError(code, r.string())
            return op, r

    # -- high-level steps ------------------------------------------------------
    def options(self):
        op, r = self.request(OP_OPTIONS)
        if op != OP_SUPPORTED:
            raise ServerError(0x000A, "expected SUPPORTED, got opcode 0x%02x" % op)
        return r.string_multimap()

    def startup(self, user=None, password=None):
        op, r = self.request(OP_STARTUP, enc_string_map({"CQL_VERSION": "3.0.0"}))
        if op == OP_READY:
            return None
        if op != OP_AUTHENTICATE:
            raise ServerError(0x000A, "expected READY/AUTHENTICATE, got opcode 0x%02x" % op)
        authenticator = r.string()
        if user is None:
            raise ServerError(ERR_BAD_CREDENTIALS,
                              "server requires authentication (%s) but no --user given" % authenticator)
        # SASL PLAIN: authzid \0 authcid \0 password
        token = b"\x00" + user.encode() + b"\x00" + (password or "").encode()
        while True:
            op, r = self.request(OP_AUTH_RESPONSE, enc_bytes(token))
            if op == OP_AUTH_SUCCESS:
                return authenticator
            if op != OP_AUTH_CHALLENGE:
                raise ServerError(0x000A, "unexpected opcode 0x%02x during auth" % op)
            token = b""  # PLAIN has no further rounds; answer empty to any challenge

    def query(self, cql, consistency="ONE"):
        body = enc_long_string(cql) + enc_short(CONSISTENCY[consistency]) + bytes([0x00])
        op, r = self.request(OP_QUERY, body)
        if op != OP_RESULT:
            raise ServerError(0x000A, "expected RESULT, got opcode 0x%02x" % op)
        kind = r.int()
        if kind == 0x0001:
            return {"kind": "void"}
        if kind == 0x0003:
            return {"kind": "set_keyspace", "keyspace": r.string()}
        if kind == 0x0005:
            change, target = r.string(), r.string()
            return {"kind": "schema_change", "change": change, "target": target, "keyspace": r.string()}
        if kind != 0x0002:
            return {"kind": "other(%d)" % kind}
        # Rows: metadata then rows.
        flags, ncols = r.int(), r.int()
        if flags & 0x0002:
            r.bytes()  # paging state
        columns = []
        if not flags & 0x0004:
            global_spec = bool(flags & 0x0001)
            if global_spec:
                r.string(), r.string()
            for _ in range(ncols):
                if not global_spec:
                    r.string(), r.string()
                name = r.string()
                columns.append((name, r.option()))
        rows = []
        for _ in range(r.int()):
            cells = [r.bytes() for _ in range(ncols)]
            if columns:
                rows.append({name: decode_value(t, c) for (name, t), c in zip(columns, cells)})
            else:
                rows.append({"col%d" % i: "0x" + c.hex() if c is not None else None for i, c in enumerate(cells)})
        return {"kind": "rows", "columns": [(n, type_name(t)) for n, t in columns], "rows": rows}


# ----------------------------------------------------------------------- cli --
def make_tls_context(args):
    if not (args.tls or args.tls_ca or args.tls_cert):
        return None
    if args.tls_ca:
        ctx = ssl.create_default_context(cafile=args.tls_ca)
        ctx.check_hostname = not args.no_check_hostname
    else:  # TLS without a CA: encrypt but do not verify (only for probing)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    if args.tls_cert:
        ctx.load_cert_chain(args.tls_cert, args.tls_key, password=args.tls_key_password)
    return ctx, (args.server_hostname or args.host)


def format_cell(v):
    if v is None:
        return "null"
    if isinstance(v, (list, dict)):
        return json.dumps(v, sort_keys=True)
    return str(v)


def main(argv=None):
    p = argparse.ArgumentParser(description="Dependency-free CQL native protocol v4 probe.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=9042)
    p.add_argument("--user", help="username for SASL PLAIN (PasswordAuthenticator)")
    p.add_argument("--password", default="")
    p.add_argument("--tls", action="store_true", help="use TLS (without --tls-ca: no verification)")
    p.add_argument("--tls-ca", help="PEM file of CA/server certificates to verify the server with")
    p.add_argument("--tls-cert", help="client certificate PEM (mutual TLS)")
    p.add_argument("--tls-key", help="client private key PEM (defaults to --tls-cert)")
    p.add_argument("--tls-key-password", help="password of an encrypted --tls-key")
    p.add_argument("--server-hostname", help="name for SNI and verification (default: --host)")
    p.add_argument("--no-check-hostname", action="store_true", help="verify the chain but not the name")
    p.add_argument("--query", "-q", action="append", default=[], help="CQL to run (repeatable)")
    p.add_argument("--consistency", default="ONE", choices=sorted(CONSISTENCY))
    p.add_argument("--timeout", type=float, default=5.0, help="socket timeout in seconds")
    p.add_argument("--json", action="store_true", help="print each result as one JSON line")
    p.add_argument("--options", action="store_true", help="print the SUPPORTED options")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = p.parse_args(argv)
    if args.tls_key and not args.tls_cert:
        p.error("--tls-key needs --tls-cert")

    try:
        tls = make_tls_context(args)
    except (OSError, ssl.SSLError) as e:
        print("cql_ping: cannot load TLS files: %s" % e, file=sys.stderr)
        return EXIT_USAGE

    conn = None
    try:
        conn = Connection(args.host, args.port, args.timeout, tls)
        supported = conn.options()
        if args.options and not args.quiet:
            print(json.dumps(supported, sort_keys=True) if args.json else
                  "\n".join("%s: %s" % (k, ", ".join(v)) for k, v in sorted(supported.items())))
        conn.startup(args.user, args.password)
        for cql in args.query:
            res = conn.query(cql, args.consistency)
            if args.quiet:
                continue
            if args.json:
                print(json.dumps(res, sort_keys=True))
            elif res["kind"] == "rows":
                for row in res["rows"]:
                    print("\t".join(format_cell(v) for v in row.values()))
            else:
                print(" ".join("%s=%s" % kv for kv in res.items()))
        for w in conn.warnings:
            print("cql_ping: server warning: %s" % w, file=sys.stderr)
        return EXIT_OK
    except ConnectError as e:
        print("cql_ping: %s" % e, file=sys.stderr)
        return EXIT_CONNECT
    except ServerError as e:
        print("cql_ping: %s" % e, file=sys.stderr)
        return EXIT_BAD_CREDENTIALS if e.code == ERR_BAD_CREDENTIALS else EXIT_SERVER
    except (ValueError, struct.error) as e:
        print("cql_ping: malformed response: %s" % e, file=sys.stderr)
        return EXIT_SERVER
    finally:
        if conn is not None:
            conn.close()


if __name__ == "__main__":
    sys.exit(main())
