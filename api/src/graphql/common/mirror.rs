//! GraphQL mirrors of the domain's enumerations: one macro for a whole enumeration, used
//! by each area's `enums.rs`, and one for a part of it (`actions.rs`).

macro_rules! mirror {
    ($gql:ident, $name:literal, $dom:ident, [$($v:ident),* $(,)?]) => {
        #[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(name = $name)]
        pub enum $gql { $($v),* }

        impl From<$gql> for $dom {
            fn from(v: $gql) -> Self {
                match v { $($gql::$v => $dom::$v),* }
            }
        }

        impl From<$dom> for $gql {
            fn from(v: $dom) -> Self {
                match v { $($dom::$v => $gql::$v),* }
            }
        }
    };
}

/// Some of a domain enumeration's values, each under the domain's name or its own
/// (`Gql = Domain`); `of` gives a domain value's GraphQL one, `None` for those listed as
/// left out. Every domain value is in one list or the other, so a new one must be placed.
macro_rules! part_mirror {
    (
        $gql:ident,
        $name:literal,
        $dom:ident,
        [$($v:ident $(= $d:ident)?),* $(,)?],
        left_out: [$($out:ident),* $(,)?]
    ) => {
        #[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(name = $name)]
        pub enum $gql { $($v),* }

        impl $gql {
            pub fn of(v: $dom) -> Option<Self> {
                match v {
                    $(part_mirror!(@domain $dom $v $($d)?) => Some($gql::$v),)*
                    $($dom::$out)|* => None,
                }
            }
        }
    };
    (@domain $dom:ident $v:ident) => { $dom::$v };
    (@domain $dom:ident $v:ident $d:ident) => { $dom::$d };
}

pub(crate) use {mirror, part_mirror};
