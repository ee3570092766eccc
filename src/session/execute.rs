//! Request execution: a statement snapshot, a prepared statement or a batch turned into the
//! crate's request, run on the connected session, and its answer turned into an `Outcome`.

use super::errors;
use super::{failure, Connected};
use crate::batch::BatchData;
use crate::error::CassError;
use crate::future::{Failure, Outcome, Payload};
use crate::result::{CassResult, ColumnTypes};
use crate::statement::settings::RequestSettings;
use crate::statement::StatementData;
use crate::types::CassBatchType;
use scylla::response::query_result::QueryResult;
use scylla::response::{PagingState, PagingStateResponse};
use scylla::statement::batch::{Batch, BatchStatement, BatchType};
use scylla::statement::prepared::PreparedStatement;
use scylla::statement::unprepared::Statement;

/// Applies the settings to a crate `Statement`, `PreparedStatement` or `Batch` (same setter names,
/// no common trait).
macro_rules! apply_settings {
    ($statement:expr, $settings:expr) => {{
        let settings: &$crate::statement::settings::RequestSettings = $settings;
        if let Some(c) = settings.consistency.and_then(super::consistency) {
            $statement.set_consistency(c);
        }
        if let Some(c) = settings.serial_consistency {
            $statement.set_serial_consistency(super::serial_consistency(c));
        }
        if settings.timestamp.is_some() {
            $statement.set_timestamp(settings.timestamp);
        }
        if settings.request_timeout.is_some() {
            $statement.set_request_timeout(settings.request_timeout);
        }
        if let Some(idempotent) = settings.idempotent {
            $statement.set_is_idempotent(idempotent);
        }
        if settings.tracing {
            $statement.set_tracing(true);
        }
        if let Some(target) = &settings.target {
            $statement.set_load_balancing_policy(Some(target.clone()));
        }
        if let Some(policy) = &settings.retry_policy {
            $statement.set_retry_policy(Some(policy.policy.clone()));
        }
    }};
}

/// Applies what a request carries besides its values to one of the crate's request types
/// (`Statement`, `PreparedStatement`, `Batch`: the same setter names, no common trait): its
/// settings, its execution profile and the speculative execution listener.
macro_rules! configure {
    ($request:expr, $connected:expr, $settings:expr, $profile:expr) => {{
        apply_settings!($request, $settings);
        if let Some(profile) = $profile {
            $request.set_execution_profile_handle(Some(profile.handle.clone()));
        }
        if let Some(listener) = &$connected.speculative {
            $request.set_history_listener(listener.clone());
        }
    }};
}

/// Where a paged statement starts (its page size is set by the caller); None: run unpaged.
fn paging(data: &StatementData) -> Option<PagingState> {
    (data.paging_size > 0 || data.paging_state.is_some())
        .then(|| data.paging_state.clone().unwrap_or_else(PagingState::start))
}

/// The execution profile a request names (None: the default profile); an unknown name fails the
/// request, as upstream.
pub(super) fn profile<'c>(
    connected: &'c Connected,
    settings: &RequestSettings,
) -> Result<Option<&'c super::config::Profile>, Failure> {
    match &settings.execution_profile {
        Some(name) => match connected.profiles.get(name) {
            Some(profile) => Ok(Some(profile)),
            None => Err(Failure::new(
                CassError::CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID,
                format!("Execution profile '{name}' does not exist"),
            )),
        },
        None => Ok(None),
    }
}

/// A conditional update whose serial consistency is set to a level that is not serial fails as
/// the server fails it when the C++ driver sends that level: the crate can send only SERIAL and
/// LOCAL_SERIAL, and running it at another level would substitute a setting silently. ANY (the
/// C++ driver's "not set") and the serial levels pass; the text is read only otherwise.
fn check_serial_consistency<'q>(
    connected: &Connected,
    settings: &RequestSettings,
    profile: Option<&super::config::Profile>,
    queries: impl IntoIterator<Item = &'q str>,
) -> Result<(), Failure> {
    use crate::types::CassConsistency::*;
    let serial =
        settings.serial_consistency.or(profile.map(|p| p.serial)).unwrap_or(connected.profiles.default_serial());
    if matches!(serial, CASS_CONSISTENCY_ANY | CASS_CONSISTENCY_SERIAL | CASS_CONSISTENCY_LOCAL_SERIAL) {
        return Ok(());
    }
    if queries.into_iter().any(crate::statement::conditional::is_conditional_update) {
        return Err(Failure::new(
            CassError::CASS_ERROR_SERVER_INVALID_QUERY,
            "Invalid consistency for conditional update. Must be one of SERIAL or LOCAL_SERIAL".to_string(),
        ));
    }
    Ok(())
}

/// Runs a statement: prepared, simple with values (through a cached preparation) or simple.
pub(super) async fn run_statement(connected: &Connected, data: &StatementData) -> Outcome {
    let profile = profile(connected, &data.settings)?;
    let text = data.prepared.as_ref().map_or(&*data.query, |p| p.statement.get_statement());
    check_serial_consistency(connected, &data.settings, profile, [text])?;
    if let Some(prepared) = &data.prepared {
        return run_prepared(connected, data, &prepared.statement, Some(&prepared.result_types), profile).await;
    }
    if data.values.count() > 0 {
        let prepared = connected.implicit.prepare(&connected.scylla, &data.query).await?;
        let markers = prepared.get_variable_col_specs().len();
        if markers != data.values.count() {
            // What the server answers when a QUERY carries the wrong number of values (the C++
            // driver sends the values with the query text; here they go with its preparation).
            return failure(
                CassError::CASS_ERROR_SERVER_INVALID_QUERY,
                format!("There were {markers} markers(?) in CQL but {} bound variables", data.values.count()),
            );
        }
        return run_prepared(connected, data, &prepared, None, profile).await;
    }
    let session = &connected.scylla;
    let mut statement = Statement::new(&*data.query);
    configure!(statement, connected, &data.settings, profile);
    let result = match paging(data) {
        Some(start) => {
            if data.paging_size > 0 {
                statement.set_page_size(data.paging_size);
            }
            session.query_single_page(statement, &data.values, start).await.map(|(r, p)| (r, Some(p)))
        }
        None => session.query_unpaged(statement, &data.values).await.map(|result| (result, None)),
    };
    into_outcome(result, None)
}

async fn run_prepared(
    connected: &Connected,
    data: &StatementData,
    prepared: &PreparedStatement,
    known: Option<&ColumnTypes>,
    profile: Option<&super::config::Profile>,
) -> Outcome {
    let session = &connected.scylla;
    let start = paging(data);
    if start.is_none() && data.settings.is_default() && connected.speculative.is_none() && profile.is_none() {
        // Nothing to change on the prepared statement: no copy of it per request.
        let result = session.execute_unpaged(prepared, &data.values).await.map(|result| (result, None));
        return into_outcome(result, known);
    }
    let mut statement = prepared.clone();
    configure!(statement, connected, &data.settings, profile);
    let result = match start {
        Some(start) => {
            if data.paging_size > 0 {
                statement.set_page_size(data.paging_size);
            }
            session.execute_single_page(&statement, &data.values, start).await.map(|(r, p)| (r, Some(p)))
        }
        None => session.execute_unpaged(&statement, &data.values).await.map(|result| (result, None)),
    };
    into_outcome(result, known)
}

/// Runs a batch of simple and prepared statements.
pub(super) async fn run_batch(connected: &Connected, data: &BatchData) -> Outcome {
    let profile = profile(connected, &data.settings)?;
    let texts = data.statements.iter().map(|s| s.prepared.as_ref().map_or(&*s.query, |p| p.statement.get_statement()));
    check_serial_consistency(connected, &data.settings, profile, texts)?;
    let mut batch = Batch::new(match data.kind {
        CassBatchType::CASS_BATCH_TYPE_LOGGED => BatchType::Logged,
        CassBatchType::CASS_BATCH_TYPE_UNLOGGED => BatchType::Unlogged,
        CassBatchType::CASS_BATCH_TYPE_COUNTER => BatchType::Counter,
    });
    for statement in &data.statements {
        batch.append_statement(match &statement.prepared {
            Some(prepared) => BatchStatement::PreparedStatement(prepared.statement.clone()),
            None => BatchStatement::Query(Statement::new(&*statement.query)),
        });
    }
    configure!(batch, connected, &data.settings, profile);
    let values: Vec<&crate::statement::values::BoundValues> = data.statements.iter().map(|s| &s.values).collect();
    into_outcome(connected.scylla.batch(&batch, &values).await.map(|result| (result, None)), None)
}

fn into_outcome(
    result: Result<(QueryResult, Option<PagingStateResponse>), scylla::errors::ExecutionError>,
    known: Option<&ColumnTypes>,
) -> Outcome {
    match result {
        Ok((result, paging)) => {
            for warning in result.warnings() {
                // The C++ driver's words and level, which programs and tests look for.
                tracing::warn!("Server-side warning: {warning}");
            }
            into_result(result, paging, known)
        }
        Err(e) => Err(errors::execution_failure(&e)),
    }
}

fn into_result(result: QueryResult, paging: Option<PagingStateResponse>, known: Option<&ColumnTypes>) -> Outcome {
    match CassResult::from_query_result(result, paging, known) {
        Ok(result) => Ok(Payload::Result(result)),
        Err(message) => failure(CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, message),
    }
}
