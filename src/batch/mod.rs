//! `CassBatch`: statements (simple and prepared, mixed) executed as one LOGGED, UNLOGGED or
//! COUNTER batch, with batch-level request settings.

mod exports;

use crate::statement::settings::RequestSettings;
use crate::statement::StatementData;
use crate::types::CassBatchType;
use std::sync::Arc;

/// A batch C owns (Box; `cass_batch_free`). Executing snapshots it.
pub(crate) struct CassBatch {
    pub data: Arc<BatchData>,
}

/// What an execution needs from a batch; shared with the requests in flight.
#[derive(Clone, Debug)]
pub(crate) struct BatchData {
    pub kind: CassBatchType,
    /// Each statement as it was when added (its values included).
    pub statements: Vec<Arc<StatementData>>,
    pub settings: RequestSettings,
}

impl crate::ffi::Handle for CassBatch {
    type Ownership = crate::ffi::Owned;
}

impl CassBatch {
    pub(crate) fn new(kind: CassBatchType) -> Self {
        CassBatch { data: Arc::new(BatchData { kind, statements: Vec::new(), settings: RequestSettings::default() }) }
    }

    pub(crate) fn data_mut(&mut self) -> &mut BatchData {
        Arc::make_mut(&mut self.data)
    }
}

impl crate::statement::request_setters::WithSettings for CassBatch {
    fn settings_mut(&mut self) -> &mut crate::statement::settings::RequestSettings {
        &mut self.data_mut().settings
    }
}
