//! A plain CQL connection of the session's own, opened for one job: reading the first schema
//! snapshot from a contact point while the `scylla` crate sets up its control connection and
//! pools. The C++ driver reads the schema on its control connection before it opens its pools;
//! the crate sends no query of ours on its connections before `Session::connect` returns, so
//! without this the snapshot could only start after the whole connect.
//!
//! Protocol v4, no compression, no TLS; user name and password when the node asks for them (SASL
//! PLAIN, as `cass_cluster_set_credentials` configures), no other authenticator: `EarlyFirstRead`
//! uses it only for clusters that need nothing else. Queries are multiplexed by stream id (the
//! first read sends its dozen queries at once). Dropping the connection closes it.

use crate::node::CassNode;
use crate::result::CassResult;
use parking_lot::Mutex;
use scylla_cql::frame::protocol_features::ProtocolFeatures;
use scylla_cql::frame::request::query::{Query, QueryParameters};
use scylla_cql::frame::request::{AuthResponse, Startup};
use scylla_cql::frame::response::result::{deserialize_with_features, Result as CqlResult};
use scylla_cql::frame::response::ResponseOpcode;
use scylla_cql::frame::types::Consistency;
use scylla_cql::frame::{parse_response_body_extensions, read_response_frame, SerializedRequest};
use std::borrow::Cow;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::TcpStream;
use tokio::sync::oneshot;

/// A response: its opcode and its body (trace id, warnings and payload taken off).
type Reply = Result<(ResponseOpcode, bytes::Bytes), String>;

/// The requests waiting for their response, by stream id.
#[derive(Default)]
struct Waiting {
    next_stream: i16,
    replies: HashMap<i16, oneshot::Sender<Reply>>,
    /// Why the connection ended, once it has: later requests fail at once with it.
    closed: Option<String>,
}

/// One open connection; see the module doc.
pub(super) struct DirectConnection {
    address: SocketAddr,
    writer: tokio::sync::Mutex<OwnedWriteHalf>,
    waiting: Arc<Mutex<Waiting>>,
    /// Reads responses and hands them to their waiters; aborted on drop.
    reader: tokio::task::JoinHandle<()>,
    request_timeout: Duration,
}

impl Drop for DirectConnection {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

impl DirectConnection {
    /// Connects to the first of `addresses` that accepts and completes STARTUP, each within
    /// `connect_timeout`. Fails when none does (or one asks for authentication).
    pub(super) async fn open(
        addresses: &[SocketAddr],
        credentials: Option<&(String, String)>,
        connect_timeout: Duration,
        request_timeout: Duration,
    ) -> Result<Self, String> {
        let mut last_error = "no contact point".to_string();
        for &address in addresses {
            match tokio::time::timeout(connect_timeout, Self::start(address, credentials)).await {
                Ok(Ok((stream, writer))) => {
                    let waiting = Arc::new(Mutex::new(Waiting { next_stream: 1, ..Default::default() }));
                    let reader = tokio::spawn(read_responses(stream, waiting.clone()));
                    return Ok(DirectConnection {
                        address,
                        writer: tokio::sync::Mutex::new(writer),
                        waiting,
                        reader,
                        request_timeout,
                    });
                }
                Ok(Err(e)) => last_error = format!("{address}: {e}"),
                Err(_) => last_error = format!("{address}: no answer within {connect_timeout:?}"),
            }
        }
        Err(last_error)
    }

    /// TCP connect and STARTUP (CQL 3.0.0, as the crate sends it); READY ends it, or AUTH_SUCCESS
    /// after the credentials when the node asks for them.
    async fn start(
        address: SocketAddr,
        credentials: Option<&(String, String)>,
    ) -> Result<(tokio::net::tcp::OwnedReadHalf, OwnedWriteHalf), String> {
        let stream = TcpStream::connect(address).await.map_err(|e| e.to_string())?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        let (mut read, mut write) = stream.into_split();
        let options = HashMap::from([(Cow::Borrowed("CQL_VERSION"), Cow::Borrowed("3.0.0"))]);
        let request = SerializedRequest::make(&Startup { options }, None, false).map_err(|e| e.to_string())?;
        write.write_all(request.get_data()).await.map_err(|e| e.to_string())?;
        let (params, opcode, body) = read_response_frame(&mut read).await.map_err(|e| e.to_string())?;
        let (params, opcode, body) = match (opcode, credentials) {
            (ResponseOpcode::Ready, _) => return Ok((read, write)),
            (ResponseOpcode::Authenticate, Some((user, password))) => {
                // SASL PLAIN: no authorization id, then the user name and the password.
                let mut token = Vec::with_capacity(2 + user.len() + password.len());
                token.push(0);
                token.extend_from_slice(user.as_bytes());
                token.push(0);
                token.extend_from_slice(password.as_bytes());
                let request = SerializedRequest::make(&AuthResponse { response: Some(token) }, None, false)
                    .map_err(|e| e.to_string())?;
                write.write_all(request.get_data()).await.map_err(|e| e.to_string())?;
                read_response_frame(&mut read).await.map_err(|e| e.to_string())?
            }
            (opcode, _) => (params, opcode, body),
        };
        match opcode {
            ResponseOpcode::Ready | ResponseOpcode::AuthSuccess => Ok((read, write)),
            ResponseOpcode::Error => Err(error_reason(params.flags, body)),
            other => Err(format!("connection setup answered with {other:?}")),
        }
    }

    /// Runs one unpaged query at consistency ONE and gives its rows.
    pub(super) async fn select(&self, cql: &str) -> Result<Arc<CassResult>, String> {
        let query = Query {
            contents: Cow::Borrowed(cql),
            parameters: QueryParameters { consistency: Consistency::One, ..Default::default() },
        };
        let mut request = SerializedRequest::make(&query, None, false).map_err(|e| e.to_string())?;
        let (stream, reply) = {
            let mut waiting = self.waiting.lock();
            if let Some(reason) = &waiting.closed {
                return Err(reason.clone());
            }
            let stream = waiting.next_stream;
            waiting.next_stream = if stream == i16::MAX { 1 } else { stream + 1 };
            let (sender, reply) = oneshot::channel();
            waiting.replies.insert(stream, sender);
            (stream, reply)
        };
        request.set_stream(stream);
        let exchange = async {
            self.writer.lock().await.write_all(request.get_data()).await.map_err(|e| e.to_string())?;
            reply.await.map_err(|_| "the connection closed".to_string())?
        };
        let answer = tokio::time::timeout(self.request_timeout, exchange).await;
        let (opcode, body) = match answer {
            Ok(reply) => reply?,
            Err(_) => {
                self.waiting.lock().replies.remove(&stream);
                return Err(format!("no answer within {:?}", self.request_timeout));
            }
        };
        match opcode {
            ResponseOpcode::Result => self.rows(body),
            ResponseOpcode::Error => Err(error_reason(0, body)),
            other => Err(format!("unexpected {other:?} response")),
        }
    }

    fn rows(&self, body: bytes::Bytes) -> Result<Arc<CassResult>, String> {
        let coordinator = CassNode { address: self.address };
        match deserialize_with_features(body, None, &ProtocolFeatures::default()).map_err(|e| e.to_string())? {
            CqlResult::Rows((raw, _paging)) => {
                let raw = raw.deserialize_metadata().map_err(|e| e.to_string())?;
                CassResult::from_rows(raw, None, None, coordinator, None)
            }
            _ => Err("the query answered without rows".to_string()),
        }
    }
}

/// The reader: one frame after the other, each to the request that waits for its stream id.
/// When the connection fails, every waiter (and every later request) gets the reason.
async fn read_responses(mut stream: tokio::net::tcp::OwnedReadHalf, waiting: Arc<Mutex<Waiting>>) {
    let reason = loop {
        let (params, opcode, body) = match read_response_frame(&mut stream).await {
            Ok(frame) => frame,
            Err(e) => break e.to_string(),
        };
        let reply = match parse_response_body_extensions(params.flags, None, body) {
            Ok(parsed) => Ok((opcode, parsed.body)),
            Err(e) => Err(e.to_string()),
        };
        if let Some(sender) = waiting.lock().replies.remove(&params.stream) {
            let _ = sender.send(reply);
        }
    };
    let mut waiting = waiting.lock();
    waiting.closed = Some(reason.clone());
    for (_, sender) in waiting.replies.drain() {
        let _ = sender.send(Err(reason.clone()));
    }
}

/// The message of an ERROR response.
fn error_reason(flags: u8, body: bytes::Bytes) -> String {
    let body = match parse_response_body_extensions(flags, None, body) {
        Ok(parsed) => parsed.body,
        Err(e) => return e.to_string(),
    };
    match scylla_cql::frame::response::Error::deserialize(&ProtocolFeatures::default(), &mut &body[..]) {
        Ok(error) => format!("{} ({:?})", error.reason, error.error),
        Err(e) => format!("unreadable error response: {e}"),
    }
}
