//! `Elements`: a row of encoded values kept in one byte arena, the storage behind statement
//! parameters, collection items, tuple fields and user type fields.
//!
//! Each slot is unset, null, or a range of the arena. Setting a slot writes the value's bytes once;
//! overwriting a slot leaves the old bytes unused until the next `reset`.

use crate::encode::Input;

#[derive(Clone, Copy, Debug)]
pub enum Slot {
    Unset,
    Null,
    Value { start: u32, len: u32 },
}

#[derive(Clone, Debug, Default)]
pub struct Elements {
    slots: Vec<Slot>,
    arena: Vec<u8>,
}

impl Elements {
    /// `count` unset slots.
    pub fn with_count(count: usize) -> Self {
        Elements { slots: vec![Slot::Unset; count], arena: Vec::new() }
    }

    /// No slots, room for `capacity` appended ones.
    pub fn with_capacity(capacity: usize) -> Self {
        Elements { slots: Vec::with_capacity(capacity.min(1 << 16)), arena: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn store(&mut self, input: &Input) -> Slot {
        if input.is_null() {
            return Slot::Null;
        }
        let start = self.arena.len();
        input.write(&mut self.arena);
        Slot::Value { start: start as u32, len: (self.arena.len() - start) as u32 }
    }

    /// Stores `input` in slot `index` (checked by the caller).
    pub fn set(&mut self, index: usize, input: &Input) {
        self.slots[index] = self.store(input);
    }

    /// Appends `input` as a new slot.
    pub fn push(&mut self, input: &Input) {
        let slot = self.store(input);
        self.slots.push(slot);
    }

    /// Appends a zero-length value (what the C++ driver stores for a NULL collection item).
    pub fn push_empty(&mut self) {
        self.slots.push(Slot::Value { start: self.arena.len() as u32, len: 0 });
    }

    pub fn slot(&self, index: usize) -> Slot {
        self.slots[index]
    }

    /// The bytes of slot `index`: None when unset or null.
    pub fn bytes(&self, index: usize) -> Option<&[u8]> {
        match self.slots[index] {
            Slot::Value { start, len } => Some(&self.arena[start as usize..(start + len) as usize]),
            _ => None,
        }
    }

    /// Forgets every value and resizes to `count` unset slots.
    pub fn reset(&mut self, count: usize) {
        self.slots.clear();
        self.slots.resize(count, Slot::Unset);
        self.arena.clear();
    }

    /// Writes every slot as `[int length][bytes]` (collection items). Unset or null slots are
    /// written as -1.
    pub fn write_items(&self, out: &mut Vec<u8>) {
        self.write_fields(out)
    }

    /// Writes every slot as `[int length][bytes]`, -1 for unset and null (tuple and UDT fields).
    pub fn write_fields(&self, out: &mut Vec<u8>) {
        out.reserve(self.slots.len() * 4 + self.arena.len());
        for index in 0..self.slots.len() {
            match self.bytes(index) {
                Some(bytes) => {
                    out.extend_from_slice(&(bytes.len() as i32).to_be_bytes());
                    out.extend_from_slice(bytes);
                }
                None => out.extend_from_slice(&(-1i32).to_be_bytes()),
            }
        }
    }
}
