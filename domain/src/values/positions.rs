//! How many people an opportunity takes.

use serde::{Deserialize, Serialize};

/// More places than any single posting of a partner has offered; a larger intake is posted
/// in rounds, so that the pipeline of each stays reviewable.
pub const MAX_POSITIONS: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Positions(u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the number of positions must be between 1 and {MAX_POSITIONS}")]
pub struct PositionsOutOfRange;

impl Positions {
    pub fn new(count: i64) -> Result<Self, PositionsOutOfRange> {
        match u32::try_from(count) {
            Ok(n) if (1..=MAX_POSITIONS).contains(&n) => Ok(Self(n)),
            _ => Err(PositionsOutOfRange),
        }
    }

    pub fn count(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for Positions {
    type Error = PositionsOutOfRange;
    fn try_from(count: i64) -> Result<Self, Self::Error> {
        Positions::new(count)
    }
}

impl From<Positions> for i64 {
    fn from(p: Positions) -> i64 {
        i64::from(p.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_to_the_maximum() {
        assert_eq!(Positions::new(0), Err(PositionsOutOfRange));
        assert_eq!(Positions::new(-3), Err(PositionsOutOfRange));
        assert_eq!(Positions::new(3).map(Positions::count), Ok(3));
        assert!(Positions::new(i64::from(MAX_POSITIONS)).is_ok());
        assert!(Positions::new(i64::from(MAX_POSITIONS) + 1).is_err());
    }
}
