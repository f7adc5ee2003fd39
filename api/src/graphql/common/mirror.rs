//! GraphQL mirrors of the domain's enumerations: one macro, used by each area's `enums.rs`.

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

pub(crate) use mirror;
