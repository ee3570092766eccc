//! `CassResult`, `CassRow` and `CassValue`: a result keeps the raw rows of the response frame and
//! an index of where each cell starts; values are decoded only when C asks for them.
//!
//! Rows and values are borrowed handles: pointers into the result's own memory, valid until the
//! result is freed.

mod exports;

use crate::data_type::CassDataType;
use crate::ffi::{Borrowed, Handle, Shared};
use crate::node::CassNode;
use crate::types::CassUuid;
use crate::value::{decode, CassValue};
use scylla::frame::response::result::DeserializedMetadataAndRawRows;
use scylla::response::query_result::QueryResult;
use scylla::response::PagingStateResponse;
use std::sync::Arc;

/// The data types of a result's columns, shareable between results of one prepared statement.
pub(crate) type ColumnTypes = Arc<[Arc<CassDataType>]>;

/// One row: `count` consecutive cells of the result.
pub(crate) struct CassRow {
    first: usize,
    count: usize,
    cells: *const CassValue,
    result: *const CassResult,
}

impl Handle for CassRow {
    type Ownership = Borrowed;
}

impl CassRow {
    /// The cell at `index`, if there is one.
    pub(crate) fn column(&self, index: usize) -> Option<&CassValue> {
        if index >= self.count {
            return None;
        }
        // SAFETY: `cells` points to the owning result's cell vector, which is never resized and
        // outlives every row handle; `first + index` is within it (checked above).
        Some(unsafe { &*self.cells.add(self.first + index) })
    }

    pub(crate) fn column_count(&self) -> usize {
        self.count
    }

    /// The result that owns this row.
    pub(crate) fn result(&self) -> Option<&CassResult> {
        // SAFETY: a row only exists inside its result, so the result is alive while the row is.
        unsafe { self.result.as_ref() }
    }
}

/// The cells of `nrows` rows of `types` in `bytes` (`[int length][bytes]` each; a negative length
/// is NULL). Fails when the bytes end before the last cell does.
pub(crate) fn index_cells(
    mut bytes: &[u8],
    nrows: usize,
    types: &[Arc<CassDataType>],
) -> Result<Vec<CassValue>, &'static str> {
    let mut cells = Vec::with_capacity(types.len().saturating_mul(nrows).min(bytes.len() / 4));
    for _ in 0..nrows {
        for typ in types {
            let (data, rest) = decode::item(bytes).ok_or("The rows are truncated")?;
            bytes = rest;
            cells.push(CassValue::cell(data, typ));
        }
    }
    Ok(cells)
}

/// A result C holds (Arc; `cass_result_free`).
pub(crate) struct CassResult {
    raw: Option<DeserializedMetadataAndRawRows>,
    column_types: ColumnTypes,
    /// The values of every row; rows and C hold pointers into it, so it is never resized.
    #[allow(dead_code)]
    cells: Vec<CassValue>,
    rows: Vec<CassRow>,
    paging: Option<PagingStateResponse>,
    tracing_id: Option<CassUuid>,
    coordinator: CassNode,
}

// SAFETY: the raw pointers inside rows and cells point into memory owned by this same result (the
// frame bytes, the cell vector, the column types), which is immutable after construction.
unsafe impl Send for CassResult {}
// SAFETY: as above; nothing is mutated after construction.
unsafe impl Sync for CassResult {}

impl Handle for CassResult {
    type Ownership = Shared;
}

impl CassResult {
    /// Indexes the cells of a response. Fails when the frame's rows do not match their metadata.
    /// `known`: the column types a prepared statement announced; reused (no allocation) when the
    /// response's metadata describes the same types.
    pub(crate) fn from_query_result(
        result: QueryResult,
        paging: Option<PagingStateResponse>,
        known: Option<&ColumnTypes>,
    ) -> Result<Arc<Self>, String> {
        let tracing_id = result.tracing_id().map(|id| CassUuid::from_bytes(id.as_bytes()));
        let coordinator = CassNode { address: result.request_coordinator().connection_address() };
        // Server warnings reach the log at WARN through the crate's own event (one line each).
        if !result.is_rows() {
            return Ok(Arc::new(CassResult {
                raw: None,
                column_types: ColumnTypes::default(),
                cells: Vec::new(),
                rows: Vec::new(),
                paging,
                tracing_id,
                coordinator,
            }));
        }
        let rows_result = result.into_rows_result().map_err(|e| format!("Unable to decode the rows: {e}"))?;
        let (raw, _, _, _) = rows_result.into_inner();
        Self::from_rows(raw, paging, tracing_id, coordinator, known)
    }

    /// Indexes the cells of a rows response already split into metadata and raw rows (from the
    /// crate's result, or read off a connection of our own: `crate::metadata`'s first read).
    pub(crate) fn from_rows(
        raw: DeserializedMetadataAndRawRows,
        paging: Option<PagingStateResponse>,
        tracing_id: Option<CassUuid>,
        coordinator: CassNode,
        known: Option<&ColumnTypes>,
    ) -> Result<Arc<Self>, String> {
        let specs = raw.metadata().col_specs();
        let column_types = match known {
            Some(known)
                if known.len() == specs.len() && known.iter().zip(specs).all(|(t, spec)| t.describes(spec.typ())) =>
            {
                known.clone()
            }
            _ => specs.iter().map(|spec| Arc::new(CassDataType::from_column_type(spec.typ()))).collect(),
        };
        let ncols = column_types.len();
        let nrows = raw.rows_count();
        let cells = index_cells(raw.raw_rows(), nrows, &column_types)?;
        let cells_ptr = cells.as_ptr();
        Ok(Arc::new_cyclic(|this| {
            let result = this.as_ptr();
            let rows =
                (0..nrows).map(|r| CassRow { first: r * ncols, count: ncols, cells: cells_ptr, result }).collect();
            CassResult { raw: Some(raw), column_types, cells, rows, paging, tracing_id, coordinator }
        }))
    }

    pub(crate) fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Whether the server answered with rows (a SELECT), not with a void, keyspace or schema
    /// change result.
    pub(crate) fn is_rows(&self) -> bool {
        self.raw.is_some()
    }

    pub(crate) fn column_count(&self) -> usize {
        self.column_types.len()
    }

    pub(crate) fn column_name(&self, index: usize) -> Option<&str> {
        self.raw.as_ref()?.metadata().col_specs().get(index).map(|spec| spec.name())
    }

    pub(crate) fn column_type(&self, index: usize) -> Option<&Arc<CassDataType>> {
        self.column_types.get(index)
    }

    /// The index of the first column named `name` (case-insensitive unless quoted, as upstream).
    pub(crate) fn column_index(&self, name: &str) -> Option<usize> {
        let specs = self.raw.as_ref()?.metadata().col_specs();
        if name.len() >= 2 && name.starts_with('"') && name.ends_with('"') {
            let exact = &name[1..name.len() - 1];
            return specs.iter().position(|spec| spec.name() == exact);
        }
        specs.iter().position(|spec| spec.name().eq_ignore_ascii_case(name))
    }

    pub(crate) fn row(&self, index: usize) -> Option<&CassRow> {
        self.rows.get(index)
    }

    pub(crate) fn tracing_id(&self) -> Option<CassUuid> {
        self.tracing_id
    }

    /// The node that answered the request.
    pub(crate) fn coordinator(&self) -> &CassNode {
        &self.coordinator
    }

    /// The raw bytes of the next page's paging state, when there is one.
    pub(crate) fn paging_state_bytes(&self) -> Option<&[u8]> {
        match &self.paging {
            Some(PagingStateResponse::HasMorePages { state }) => state.as_bytes_slice().map(|b| &b[..]),
            _ => None,
        }
    }

    /// Where the next page starts, when there is one.
    pub(crate) fn next_page_state(&self) -> Option<scylla::response::PagingState> {
        match &self.paging {
            Some(PagingStateResponse::HasMorePages { state }) => Some(state.clone()),
            _ => None,
        }
    }

    pub(crate) fn has_more_pages(&self) -> bool {
        matches!(self.paging, Some(PagingStateResponse::HasMorePages { .. }))
    }
}
