//! Values bound to a statement, kept in wire format.
//!
//! Each parameter slot is unset, null, or a range of one byte arena: binding writes the value's
//! bytes once, and executing copies them once into the request frame. Statements share their values
//! with requests in flight (`Arc`); binding after an execute copies them first (copy on write).

use scylla::serialize::row::{RowSerializationContext, SerializeRow};
use scylla::serialize::writers::RowWriter;
use scylla::serialize::SerializationError;

#[derive(Clone, Copy, Debug)]
enum Slot {
    Unset,
    Null,
    Value { start: u32, len: u32 },
}

/// The values of one statement.
#[derive(Clone, Debug, Default)]
pub struct BoundValues {
    slots: Vec<Slot>,
    arena: Vec<u8>,
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
    pub fn with_count(count: usize) -> Self {
        BoundValues { slots: vec![Slot::Unset; count], arena: Vec::new() }
    }

    /// The number of bind markers.
    pub fn count(&self) -> usize {
        self.slots.len()
    }

    /// Binds NULL to slot `index` (checked by the caller).
    pub fn set_null(&mut self, index: usize) {
        self.slots[index] = Slot::Null;
    }

    /// Binds the serialized bytes of a value to slot `index`.
    pub fn set_bytes(&mut self, index: usize, bytes: &[u8]) {
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(bytes);
        self.slots[index] = Slot::Value { start, len: bytes.len() as u32 };
    }

    /// Forgets every value and resizes to `count` unset slots.
    pub fn reset(&mut self, count: usize) {
        self.slots.clear();
        self.slots.resize(count, Slot::Unset);
        self.arena.clear();
    }
}

impl SerializeRow for BoundValues {
    fn serialize(&self, ctx: &RowSerializationContext<'_>, writer: &mut RowWriter) -> Result<(), SerializationError> {
        if ctx.columns().len() != self.slots.len() {
            return Err(SerializationError::new(WrongValueCount {
                values: self.slots.len(),
                markers: ctx.columns().len(),
            }));
        }
        for slot in &self.slots {
            let cell = writer.make_cell_writer();
            match *slot {
                Slot::Unset => {
                    cell.set_unset();
                }
                Slot::Null => {
                    cell.set_null();
                }
                Slot::Value { start, len, .. } => {
                    let bytes = &self.arena[start as usize..(start + len) as usize];
                    cell.set_value(bytes).map_err(SerializationError::new)?;
                }
            }
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}
