//! bench-null-server: a CQL native protocol v4 server that answers every request at
//! once with canned results, so that a benchmark measures the client alone.
//!
//!   bench-null-server [--port P] [--nodes N] [--max-seconds S] [--log]
//!
//! Node i (1..=N) listens on 127.0.0.i:P; its system.peers lists the other nodes.

mod cql;
mod node;
mod schema;
mod wire;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use node::{Node, Session};
use wire::{Header, HEADER_LEN};

/// Larger frames are refused (the connection is closed).
const MAX_FRAME: usize = 256 << 20;

struct Options {
    port: u16,
    nodes: usize,
    max_seconds: u64,
    log: bool,
}

fn usage() -> ! {
    eprintln!("usage: bench-null-server [--port P (9042)] [--nodes N (1)] [--max-seconds S (900)] [--log]");
    std::process::exit(2);
}

fn options() -> Options {
    let mut o = Options { port: 9042, nodes: 1, max_seconds: 900, log: false };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--port" => o.port = value().parse().unwrap_or_else(|_| usage()),
            "--nodes" => o.nodes = value().parse().unwrap_or_else(|_| usage()),
            "--max-seconds" => o.max_seconds = value().parse().unwrap_or_else(|_| usage()),
            "--log" => o.log = true,
            _ => usage(),
        }
    }
    if !(1..=250).contains(&o.nodes) {
        usage();
    }
    o
}

async fn serve(node: Arc<Node>, mut sock: TcpStream, id: u64) -> std::io::Result<()> {
    sock.set_nodelay(true)?;
    let mut session = Session::new(id);
    let mut input: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut output: Vec<u8> = Vec::with_capacity(64 * 1024);
    loop {
        if input.capacity() - input.len() < 16 * 1024 {
            input.reserve(input.capacity().max(64 * 1024));
        }
        if sock.read_buf(&mut input).await? == 0 {
            return Ok(());
        }
        let mut pos = 0;
        let mut keep_open = true;
        while keep_open && input.len() - pos >= HEADER_LEN {
            let header = Header::parse(&input[pos..]);
            if header.length > MAX_FRAME {
                return Ok(());
            }
            let end = pos + HEADER_LEN + header.length;
            if input.len() < end {
                input.reserve(end - input.len());
                break;
            }
            keep_open = node.handle(&mut session, &header, &input[pos + HEADER_LEN..end], &mut output);
            pos = end;
        }
        input.drain(..pos);
        if !output.is_empty() {
            sock.write_all(&output).await?;
            output.clear();
            if output.capacity() > 4 << 20 {
                output.shrink_to(64 * 1024);
            }
        }
        if !keep_open {
            return Ok(());
        }
    }
}

async fn listen(node: Arc<Node>, listener: TcpListener, ids: Arc<AtomicU64>) {
    loop {
        match listener.accept().await {
            Ok((sock, peer)) => {
                let id = ids.fetch_add(1, Ordering::Relaxed);
                let node = node.clone();
                if node_logging() {
                    eprintln!("node {} conn {id}: accepted from {peer}", node.index);
                }
                tokio::spawn(async move {
                    if let Err(e) = serve(node, sock, id).await {
                        if node_logging() {
                            eprintln!("conn {id}: {e}");
                        }
                    }
                });
            }
            Err(e) => {
                eprintln!("accept: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

static LOG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn node_logging() -> bool {
    LOG.load(Ordering::Relaxed)
}

fn main() {
    let o = options();
    LOG.store(o.log, Ordering::Relaxed);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(async {
        let ids = Arc::new(AtomicU64::new(1));
        for i in 1..=o.nodes {
            let addr = (schema::node_address(i), o.port);
            let listener = match TcpListener::bind(addr).await {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("bench-null-server: cannot listen on {}:{}: {e}", addr.0, addr.1);
                    std::process::exit(1);
                }
            };
            let node = Arc::new(Node::new(i, o.nodes, o.port, o.log));
            tokio::spawn(listen(node, listener, ids.clone()));
        }
        eprintln!("bench-null-server: {} node(s) on 127.0.0.1..{} port {}", o.nodes, o.nodes, o.port);
        tokio::time::sleep(Duration::from_secs(o.max_seconds)).await;
        eprintln!("bench-null-server: --max-seconds {} reached, exiting", o.max_seconds);
    });
    std::process::exit(0);
}
