//! Protocol v4 framing and the `[short]`, `[int]`, `[string]`, `[bytes]` ... notations
//! of the native protocol specification (section 3).

/// Length of a v3/v4/v5 frame header: version, flags, stream (2), opcode, length (4).
pub const HEADER_LEN: usize = 9;
/// The protocol version spoken here.
pub const PROTOCOL_V4: u8 = 0x04;
/// Set in the version byte of every frame sent by a server.
pub const DIRECTION_RESPONSE: u8 = 0x80;
/// Header flag: the body is compressed (never negotiated here).
pub const FLAG_COMPRESSED: u8 = 0x01;

pub mod opcode {
    pub const ERROR: u8 = 0x00;
    pub const STARTUP: u8 = 0x01;
    pub const READY: u8 = 0x02;
    pub const OPTIONS: u8 = 0x05;
    pub const SUPPORTED: u8 = 0x06;
    pub const QUERY: u8 = 0x07;
    pub const RESULT: u8 = 0x08;
    pub const PREPARE: u8 = 0x09;
    pub const EXECUTE: u8 = 0x0A;
    pub const REGISTER: u8 = 0x0B;
    pub const BATCH: u8 = 0x0D;
}

pub mod errcode {
    pub const PROTOCOL: i32 = 0x000A;
    pub const INVALID: i32 = 0x2200;
    pub const UNPREPARED: i32 = 0x2500;
}

/// `<query_parameters>` flag asking the server to leave result metadata out.
pub const QUERY_SKIP_METADATA: u8 = 0x02;

/// A parsed request header.
#[derive(Clone, Copy, Debug)]
pub struct Header {
    pub version: u8,
    pub flags: u8,
    pub stream: i16,
    pub opcode: u8,
    pub length: usize,
}

impl Header {
    /// Reads a header from the first `HEADER_LEN` bytes of `b`.
    pub fn parse(b: &[u8]) -> Header {
        Header {
            version: b[0],
            flags: b[1],
            stream: i16::from_be_bytes([b[2], b[3]]),
            opcode: b[4],
            length: u32::from_be_bytes([b[5], b[6], b[7], b[8]]) as usize,
        }
    }
}

/// Appending the protocol notations to a byte vector.
pub trait Put {
    fn put_short(&mut self, v: u16);
    fn put_int(&mut self, v: i32);
    fn put_string(&mut self, s: &str);
    fn put_string_list(&mut self, items: &[&str]);
    fn put_short_bytes(&mut self, b: &[u8]);
    /// `[bytes]`: an int length (-1 for null) and the bytes.
    fn put_cell(&mut self, b: Option<&[u8]>);
}

impl Put for Vec<u8> {
    fn put_short(&mut self, v: u16) {
        self.extend_from_slice(&v.to_be_bytes());
    }
    fn put_int(&mut self, v: i32) {
        self.extend_from_slice(&v.to_be_bytes());
    }
    fn put_string(&mut self, s: &str) {
        self.put_short(s.len() as u16);
        self.extend_from_slice(s.as_bytes());
    }
    fn put_string_list(&mut self, items: &[&str]) {
        self.put_short(items.len() as u16);
        for s in items {
            self.put_string(s);
        }
    }
    fn put_short_bytes(&mut self, b: &[u8]) {
        self.put_short(b.len() as u16);
        self.extend_from_slice(b);
    }
    fn put_cell(&mut self, b: Option<&[u8]>) {
        match b {
            Some(b) => {
                self.put_int(b.len() as i32);
                self.extend_from_slice(b);
            }
            None => self.put_int(-1),
        }
    }
}

/// Appends one response frame: the header, then whatever `body` writes; the length
/// field is filled in afterwards.
pub fn put_frame(out: &mut Vec<u8>, version: u8, stream: i16, opcode: u8, body: impl FnOnce(&mut Vec<u8>)) {
    let start = out.len();
    out.push(DIRECTION_RESPONSE | version);
    out.push(0);
    out.extend_from_slice(&stream.to_be_bytes());
    out.push(opcode);
    out.extend_from_slice(&[0; 4]);
    body(out);
    let len = (out.len() - start - HEADER_LEN) as u32;
    out[start + 5..start + HEADER_LEN].copy_from_slice(&len.to_be_bytes());
}

/// Appends a v4 frame whose body is already encoded.
pub fn put_frame_with(out: &mut Vec<u8>, stream: i16, opcode: u8, body: &[u8]) {
    out.reserve(HEADER_LEN + body.len());
    out.push(DIRECTION_RESPONSE | PROTOCOL_V4);
    out.push(0);
    out.extend_from_slice(&stream.to_be_bytes());
    out.push(opcode);
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend_from_slice(body);
}

/// An ERROR body with just a code and a message.
pub fn error_body(code: i32, message: &str) -> Vec<u8> {
    let mut b = Vec::with_capacity(8 + message.len());
    b.put_int(code);
    b.put_string(message);
    b
}

/// Reading the notations from a request body; every method returns None past the end.
pub struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Cursor { data, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    pub fn short(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_be_bytes([b[0], b[1]]))
    }

    pub fn int(&mut self) -> Option<i32> {
        self.take(4).map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn short_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.short()? as usize;
        self.take(n)
    }

    pub fn long_string(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.int()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// The consistency and flags that start `<query_parameters>`; returns the flags.
    pub fn query_flags(&mut self) -> Option<u8> {
        self.short()?;
        self.u8()
    }
}
