//! `Elements`: a row of encoded values kept in one byte arena, the storage behind statement
//! parameters, collection items, tuple fields and user type fields.
//!
//! Each slot is unset, null, or a range of the arena. Setting a slot writes the value's bytes once;
//! overwriting a slot leaves the old bytes unused until the next `reset`.

use super::Input;

#[derive(Clone, Copy, Debug)]
pub(crate) enum Slot {
    Unset,
    Null,
    Value { start: u32, len: u32 },
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Elements {
    slots: Vec<Slot>,
    arena: Vec<u8>,
    /// Arena bytes no slot refers to any more (values overwritten by a rebind).
    garbage: usize,
}

impl Elements {
    /// `count` unset slots, with arena room for typical values (16 bytes each), so that binding
    /// a row of numbers, uuids and short text does not grow the arena value by value.
    pub(crate) fn with_count(count: usize) -> Self {
        let room = count.min(1 << 16) * 16;
        Elements { slots: vec![Slot::Unset; count], arena: Vec::with_capacity(room), garbage: 0 }
    }

    /// No slots, room for `capacity` appended ones.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let capacity = capacity.min(1 << 16);
        Elements { slots: Vec::with_capacity(capacity), arena: Vec::with_capacity(capacity * 8), garbage: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
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

    /// Stores `input` in slot `index` (checked by the caller). A statement rebound in a loop
    /// reuses its arena: a value of the same size is overwritten in place, the last value may
    /// shrink or grow at the end, and the arena is compacted once half of it is unused.
    pub(crate) fn set(&mut self, index: usize, input: &Input) {
        let old = self.slots[index];
        if input.is_null() {
            self.release(old);
            self.slots[index] = Slot::Null;
            return;
        }
        if let (Some(bytes), Slot::Value { start, len }) = (input.contiguous(), old) {
            // The common rebind: a value of the same size goes where the old one was.
            if bytes.len() == len as usize {
                self.arena[start as usize..(start + len) as usize].copy_from_slice(bytes);
                return;
            }
        }
        let end = self.arena.len();
        input.write(&mut self.arena);
        let len = self.arena.len() - end;
        if let Slot::Value { start, len: old_len } = old {
            let (start, old_len) = (start as usize, old_len as usize);
            let was_last = start + old_len == end;
            if old_len == len || was_last {
                self.arena.copy_within(end..end + len, start);
                self.arena.truncate(if was_last { start + len } else { end });
                self.slots[index] = Slot::Value { start: start as u32, len: len as u32 };
                return;
            }
            self.garbage += old_len;
        }
        self.slots[index] = Slot::Value { start: end as u32, len: len as u32 };
        if self.garbage > 4096 && self.garbage * 2 > self.arena.len() {
            self.compact();
        }
    }

    fn release(&mut self, old: Slot) {
        if let Slot::Value { len, .. } = old {
            self.garbage += len as usize;
        }
    }

    /// Rewrites the arena with only the bytes slots refer to.
    fn compact(&mut self) {
        let mut arena = Vec::with_capacity(self.arena.len() - self.garbage);
        for slot in &mut self.slots {
            if let Slot::Value { start, len } = slot {
                let new_start = arena.len() as u32;
                arena.extend_from_slice(&self.arena[*start as usize..(*start + *len) as usize]);
                *start = new_start;
            }
        }
        self.arena = arena;
        self.garbage = 0;
    }

    /// Appends `input` as a new slot.
    pub(crate) fn push(&mut self, input: &Input) {
        let slot = self.store(input);
        self.slots.push(slot);
    }

    /// Appends a zero-length value (what the C++ driver stores for a NULL collection item).
    pub(crate) fn push_empty(&mut self) {
        self.slots.push(Slot::Value { start: self.arena.len() as u32, len: 0 });
    }

    pub(crate) fn slot(&self, index: usize) -> Slot {
        self.slots[index]
    }

    /// The bytes of slot `index`: None when unset or null.
    pub(crate) fn bytes(&self, index: usize) -> Option<&[u8]> {
        match self.slots[index] {
            Slot::Value { start, len } => Some(&self.arena[start as usize..(start + len) as usize]),
            _ => None,
        }
    }

    /// Forgets every value and resizes to `count` unset slots.
    pub(crate) fn reset(&mut self, count: usize) {
        self.slots.clear();
        self.slots.resize(count, Slot::Unset);
        self.arena.clear();
        self.garbage = 0;
    }

    /// Writes every slot as `[int length][bytes]`, -1 for unset and null: tuple and UDT fields, and
    /// collection items (which are never unset or null: see `push_empty`).
    pub(crate) fn write_fields(&self, out: &mut Vec<u8>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn value(e: &Elements, i: usize) -> Option<Vec<u8>> {
        e.bytes(i).map(<[u8]>::to_vec)
    }

    #[test]
    fn rebinding_reuses_the_arena() {
        let mut e = Elements::with_count(3);
        e.set(0, &Input::int32(1));
        e.set(1, &Input::string(b"hello"));
        e.set(2, &Input::int64(2));
        for i in 0..10_000 {
            e.set(0, &Input::int32(i));
            e.set(1, &Input::string(if i % 2 == 0 { b"hi" } else { b"a longer text" }));
        }
        assert_eq!(value(&e, 0), Some(9999i32.to_be_bytes().to_vec()));
        assert_eq!(value(&e, 1), Some(b"a longer text".to_vec()));
        assert_eq!(value(&e, 2), Some(2i64.to_be_bytes().to_vec()));
        assert!(e.arena.len() < 10_000, "arena grew to {}", e.arena.len());
        e.set(1, &Input::null());
        assert_eq!(value(&e, 1), None);
        assert_eq!(value(&e, 0), Some(9999i32.to_be_bytes().to_vec()));
    }

    #[test]
    fn compaction_keeps_every_value() {
        let mut e = Elements::with_count(4);
        for round in 0..2_000u32 {
            for i in 0..4 {
                let text = format!("{round}-{i}-{}", "x".repeat((round as usize * 7 + i) % 50));
                e.set(i, &Input::string(text.as_bytes()));
            }
        }
        for i in 0..4 {
            let text = format!("1999-{i}-{}", "x".repeat((1999 * 7 + i) % 50));
            assert_eq!(value(&e, i), Some(text.into_bytes()));
        }
        assert!(e.arena.len() < 64 * 1024);
    }
}
