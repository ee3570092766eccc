//! A bounded cache of the preparations made for simple statements with values.
//!
//! Protocol v4 QUERY frames could carry values, but the `scylla` crate always prepares a simple
//! statement that has values and then executes it: two round trips per execution. Keeping those
//! preparations (by query text) makes a repeated simple statement cost one round trip, and routes
//! it by token as a prepared statement. Entries leave in insertion order once the cache is full.

use crate::future::Failure;
use parking_lot::Mutex;
use scylla::client::session::Session;
use scylla::statement::prepared::PreparedStatement;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// How many query texts are kept.
const CAPACITY: usize = 1024;

#[derive(Default)]
pub(super) struct ImplicitPreparations {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    by_query: HashMap<Arc<str>, PreparedStatement>,
    order: VecDeque<Arc<str>>,
}

impl ImplicitPreparations {
    /// The preparation of `query`: the cached one, or a new one (then cached).
    pub(super) async fn prepare(&self, session: &Session, query: &Arc<str>) -> Result<PreparedStatement, Failure> {
        if let Some(prepared) = self.get(query) {
            return Ok(prepared);
        }
        let prepared = session.prepare(&**query).await.map_err(|e| super::errors::refused_preparation(session, &e))?;
        self.insert(query.clone(), prepared.clone());
        Ok(prepared)
    }

    fn get(&self, query: &str) -> Option<PreparedStatement> {
        self.inner.lock().by_query.get(query).cloned()
    }

    fn insert(&self, query: Arc<str>, prepared: PreparedStatement) {
        let mut inner = self.inner.lock();
        if inner.by_query.contains_key(&query) {
            return;
        }
        if inner.order.len() >= CAPACITY {
            if let Some(oldest) = inner.order.pop_front() {
                inner.by_query.remove(&oldest);
            }
        }
        inner.order.push_back(query.clone());
        inner.by_query.insert(query, prepared);
    }
}
