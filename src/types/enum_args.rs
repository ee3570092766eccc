//! C enums as received from C: a `u32` newtype per enum, so any value C passes is a valid Rust
//! value. `ffi_enum!` declares the newtype next to the real `#[repr(C)]` enum (which cbindgen puts
//! in the header) and the checked conversion between them. cbindgen does not expand macros, so the
//! newtypes stay out of the header; cbindgen.toml renames them to the enum's C name in signatures.

/// Declares `$raw`, the argument form of the C enum `$enum`, and `$raw::get()`, which answers
/// `None` for a value that is not one of `$enum`'s variants.
macro_rules! ffi_enum {
    ($raw:ident => $enum:ident { $($variant:ident),* $(,)? }) => {
        #[repr(transparent)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(unreachable_pub)] // in exported signatures (the C ABI)
        pub struct $raw(pub u32);

        impl $raw {
            /// The enum value C passed, or `None` when it is not a known variant.
            #[allow(non_upper_case_globals)]
            pub(crate) fn get(self) -> Option<$enum> {
                $(const $variant: u32 = $enum::$variant as u32;)*
                match self.0 {
                    $($variant => Some($enum::$variant),)*
                    _ => None,
                }
            }
        }

        impl From<$enum> for $raw {
            fn from(value: $enum) -> Self {
                $raw(value as u32)
            }
        }
    };
}
pub(crate) use ffi_enum;
