//! Cursors over the items inside one value: collection elements, map entries, tuple fields and
//! user type fields. They point into the value's result, which must outlive them (as upstream).

use crate::data_type::CassDataType;
use crate::types::CassValueType;
use crate::value::decode;
use crate::value::CassValue;
use once_cell::sync::Lazy;
use std::sync::Arc;

/// The item before the first `cass_iterator_next()` or in place of one that could not be read,
/// as the C++ driver has it: not NULL, no bytes, type unknown.
fn placeholder() -> CassValue {
    CassValue::new(Some(&[]), &UNKNOWN)
}

/// The type given to items whose parent type does not describe them (and to placeholders).
static UNKNOWN: Lazy<Arc<CassDataType>> =
    Lazy::new(|| Arc::new(CassDataType::simple(CassValueType::CASS_VALUE_TYPE_UNKNOWN)));

/// What a value cursor walks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// List or set elements; a map's keys and values alternating.
    Collection,
    /// A map's entries, key and value at once.
    Map,
    Tuple,
    UserType,
}

pub(super) struct ValueCursor {
    pub shape: Shape,
    parent: *const CassDataType,
    /// The bytes not read yet.
    rest: *const u8,
    rest_len: usize,
    /// Items read so far, and how many there are (collections: elements, or keys plus values).
    read: usize,
    total: usize,
    /// The current item (the key, for a map), and a map entry's value. As with the C++ driver,
    /// every value iterator always has one: before the first `cass_iterator_next()`, and where an
    /// item could not be read, a placeholder (not NULL, no bytes, type unknown); after the end,
    /// the last item (programs tell an empty collection from a non-empty one by it).
    pub current: Option<CassValue>,
    pub current_map_value: Option<CassValue>,
}

// SAFETY: the pointers refer to the immutable memory of a result (and its types), which the C
// caller keeps alive while it uses the iterator; nothing is mutated through them.
unsafe impl Send for ValueCursor {}

impl ValueCursor {
    /// A cursor over `value`, if it is non-NULL and of the right kind for `shape`.
    pub(super) fn new(value: &CassValue, shape: Shape) -> Option<Self> {
        use CassValueType::*;
        let data_type = value.data_type();
        let kind_ok = match shape {
            Shape::Collection => data_type.is_collection(),
            Shape::Map => data_type.value_type == CASS_VALUE_TYPE_MAP,
            Shape::Tuple => data_type.value_type == CASS_VALUE_TYPE_TUPLE,
            Shape::UserType => data_type.value_type == CASS_VALUE_TYPE_UDT,
        };
        let bytes = value.bytes()?;
        if !kind_ok {
            return None;
        }
        let (total, body) = match shape {
            Shape::Collection | Shape::Map => {
                let (count, elements) = decode::collection(bytes).unwrap_or((0, &[]));
                let per = if shape == Shape::Collection && data_type.value_type == CASS_VALUE_TYPE_MAP { 2 } else { 1 };
                (count.max(0) as usize * per, elements)
            }
            Shape::Tuple | Shape::UserType => (data_type.sub_types.len(), bytes),
        };
        Some(ValueCursor {
            shape,
            parent: data_type as *const CassDataType,
            rest: body.as_ptr(),
            rest_len: body.len(),
            read: 0,
            total,
            current: Some(placeholder()),
            current_map_value: (shape == Shape::Map).then(placeholder),
        })
    }

    fn parent(&self) -> &CassDataType {
        // SAFETY: the parent type belongs to the result the cursor walks, alive while it is used.
        unsafe { &*self.parent }
    }

    /// The type of item number `index`.
    fn item_type(&self, index: usize) -> &Arc<CassDataType> {
        let subs = &self.parent().sub_types;
        let position = match self.shape {
            Shape::Collection if self.parent().value_type == CassValueType::CASS_VALUE_TYPE_MAP => index % 2,
            Shape::Collection => 0,
            Shape::Map => index % 2,
            Shape::Tuple | Shape::UserType => index,
        };
        subs.get(position).unwrap_or(&UNKNOWN)
    }

    /// Reads the next `[int length][bytes]` item (`CassValue::cell`: empty reads as NULL where
    /// the C++ driver does so). None on truncated data, and for a collection item too short to
    /// hold its element count (the C++ driver's iterators stop there too).
    ///
    /// Tuples and user types may end early (fields added to a type after the value was written):
    /// the missing ones read as NULL, so that the iterator yields as many fields as
    /// `cass_value_item_count()` reports. The C++ driver stops at the end of the data instead,
    /// yielding fewer: a deliberate difference (README, values).
    fn read_item(&mut self, index: usize) -> Option<CassValue> {
        // SAFETY: `rest` points to `rest_len` bytes inside the result's frame (see the type docs).
        let rest = unsafe { std::slice::from_raw_parts(self.rest, self.rest_len) };
        let item_type = self.item_type(index);
        if rest.is_empty() && matches!(self.shape, Shape::Tuple | Shape::UserType) {
            return Some(CassValue::new(None, item_type));
        }
        let (data, after) = decode::item(rest)?;
        if item_type.is_collection() && data.is_some_and(|bytes| bytes.len() < 4) {
            return None;
        }
        let value = CassValue::cell(data, item_type);
        self.rest = after.as_ptr();
        self.rest_len = after.len();
        Some(value)
    }

    /// Moves to the next item; false at the end or on truncated data.
    pub(super) fn advance(&mut self) -> bool {
        if self.read >= self.total {
            return false;
        }
        let index = self.read;
        self.read += 1;
        if self.shape == Shape::Map {
            let Some(key) = self.read_item(0) else {
                self.current = Some(placeholder());
                return false;
            };
            self.current = Some(key);
            let value = self.read_item(1);
            let read = value.is_some();
            self.current_map_value = Some(value.unwrap_or_else(placeholder));
            return read;
        }
        let item = self.read_item(index);
        let read = item.is_some();
        self.current = Some(item.unwrap_or_else(placeholder));
        read
    }

    /// The name of the current user type field (the last one after the end; None before the
    /// first `advance`).
    pub(super) fn field_name(&self) -> Option<&str> {
        if self.shape != Shape::UserType || self.read == 0 {
            return None;
        }
        self.parent().field_names.get(self.read - 1).map(String::as_str)
    }
}
