//! The one macro that maps a typed list of message ids to their Fluent ids, so a
//! misspelt id is a compile error rather than a blank on a page.

/// `message_ids! { /// doc  Name = "fluent-id", ... }` declares `enum $name` with
/// `ALL` and `id()`.
macro_rules! message_ids {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every id, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The Fluent id of this message.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }
    };
}

pub(crate) use message_ids;
