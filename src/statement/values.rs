//! The values bound to a statement, kept in wire format (see [`Elements`]).
//!
//! Statements share their values with requests in flight (`Arc`); binding after an execute copies
//! them first (copy on write). Executing copies each value once, into the request frame.

use crate::data_type::{names_matching, set_each_match, CassDataType};
use crate::encode::Input;
use crate::encode::{Elements, Slot};
use crate::error::CassError;
use scylla::serialize::row::{RowSerializationContext, SerializeRow};
use scylla::serialize::writers::RowWriter;
use scylla::serialize::SerializationError;
use std::sync::Arc;

/// Names and types of the bind markers of a prepared statement.
#[derive(Debug, Default)]
pub struct ParameterSpecs {
    pub names: Vec<String>,
    pub types: Vec<Arc<CassDataType>>,
}

/// Where a value goes: a marker index or a marker name.
#[derive(Clone, Copy)]
pub(crate) enum Target<'a> {
    Index(usize),
    Name(&'a str),
}

/// The values of one statement.
#[derive(Clone, Debug, Default)]
pub(crate) struct BoundValues {
    elements: Elements,
    /// Simple statements bound by name: the name of each slot, in the order they were first used.
    /// The server's matching is exact, so the values are placed by exact name at execution.
    names: Vec<Box<str>>,
    /// Prepared statements: the marker specs, for bind-time type checks and names.
    specs: Option<Arc<ParameterSpecs>>,
}

/// The column count of the request did not match the number of values.
#[derive(Debug)]
struct WrongValueCount {
    values: usize,
    markers: usize,
}

impl std::fmt::Display for WrongValueCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the statement has {} bind markers but {} values were given", self.markers, self.values)
    }
}
impl std::error::Error for WrongValueCount {}

impl BoundValues {
    pub(crate) fn with_count(count: usize) -> Self {
        BoundValues { elements: Elements::with_count(count), names: Vec::new(), specs: None }
    }

    /// Unset values for the markers of a prepared statement, checked against their types.
    pub(crate) fn for_prepared(specs: Arc<ParameterSpecs>) -> Self {
        BoundValues { elements: Elements::with_count(specs.types.len()), names: Vec::new(), specs: Some(specs) }
    }

    /// The number of bind markers.
    pub(crate) fn count(&self) -> usize {
        self.elements.len()
    }

    /// Binds `input` by index or name, with the C++ driver's checks and error codes.
    pub(crate) fn bind(&mut self, target: Target, input: &Input) -> CassError {
        match target {
            Target::Index(index) => self.bind_index(index, input),
            Target::Name(name) => match self.specs.clone() {
                Some(specs) => {
                    set_each_match(names_matching(&specs.names, name), |index| self.bind_index(index, input))
                }
                None => match self.simple_name_index(name) {
                    Some(index) => self.bind_index(index, input),
                    None => CassError::CASS_ERROR_LIB_NAME_DOES_NOT_EXIST,
                },
            },
        }
    }

    /// The slot for `name` on a simple statement: the slot already named so (case-insensitive
    /// unless quoted), or the next free one while the statement has markers left.
    fn simple_name_index(&mut self, name: &str) -> Option<usize> {
        if let Some(index) = names_matching(&self.names, name).next() {
            return Some(index);
        }
        if self.names.len() >= self.elements.len() {
            return None;
        }
        let quoted = name.len() >= 2 && name.starts_with('"') && name.ends_with('"');
        let bare = if quoted { &name[1..name.len() - 1] } else { name };
        self.names.push(bare.into());
        Some(self.names.len() - 1)
    }

    fn bind_index(&mut self, index: usize, input: &Input) -> CassError {
        if index >= self.elements.len() {
            return CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS;
        }
        if let Some(specs) = &self.specs {
            if !input.kind.fits(&specs.types[index]) {
                return CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE;
            }
        }
        self.elements.set(index, input);
        CassError::CASS_OK
    }

    /// Forgets every value and resizes to `count` unset slots.
    pub(crate) fn reset(&mut self, count: usize) {
        self.elements.reset(count);
        self.names.clear();
    }

    fn write_slot(&self, index: usize, writer: &mut RowWriter) -> Result<(), SerializationError> {
        let cell = writer.make_cell_writer();
        match self.elements.slot(index) {
            Slot::Unset => {
                cell.set_unset();
            }
            Slot::Null => {
                cell.set_null();
            }
            Slot::Value { .. } => {
                let bytes = self.elements.bytes(index).unwrap_or_default();
                cell.set_value(bytes).map_err(SerializationError::new)?;
            }
        }
        Ok(())
    }
}

impl SerializeRow for BoundValues {
    fn serialize(&self, ctx: &RowSerializationContext<'_>, writer: &mut RowWriter) -> Result<(), SerializationError> {
        if !self.names.is_empty() {
            // Named values on a simple statement: place them as the server would, by exact name.
            // A marker without a value is left out, and the server rejects the count, as it does
            // for the C++ driver's named values.
            for column in ctx.columns() {
                if let Some(index) = self.names.iter().position(|n| **n == *column.name()) {
                    self.write_slot(index, writer)?;
                }
            }
            return Ok(());
        }
        if ctx.columns().len() != self.elements.len() {
            return Err(SerializationError::new(WrongValueCount {
                values: self.elements.len(),
                markers: ctx.columns().len(),
            }));
        }
        for index in 0..self.elements.len() {
            self.write_slot(index, writer)?;
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }
}
