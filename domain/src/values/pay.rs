//! What an opportunity pays, in Iraqi dinars: a monthly range for work and training, or
//! one amount for a start-up grant or loan (7,000,000 IQD for MoLSA's reintegration loan).

use serde::{Deserialize, Serialize};

/// A bound far above any monthly wage or small-business grant, so a slip of the keyboard
/// (an extra zero or three) is caught rather than published.
pub const MAX_IQD: u64 = 1_000_000_000;

/// A positive sum of Iraqi dinars, at most [`MAX_IQD`]. The dinar has no coins in use, so
/// whole dinars suffice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Iqd(u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PayError {
    #[error("an amount must be more than zero dinars")]
    NotPositive,
    #[error("an amount may be at most {MAX_IQD} dinars")]
    TooLarge,
    #[error("the minimum pay is above the maximum")]
    MinAboveMax,
}

impl Iqd {
    pub fn new(amount: i64) -> Result<Self, PayError> {
        let amount = u64::try_from(amount).map_err(|_| PayError::NotPositive)?;
        if amount == 0 {
            return Err(PayError::NotPositive);
        }
        if amount > MAX_IQD {
            return Err(PayError::TooLarge);
        }
        Ok(Self(amount))
    }

    pub fn dinars(self) -> u64 {
        self.0
    }
}

impl TryFrom<i64> for Iqd {
    type Error = PayError;
    fn try_from(amount: i64) -> Result<Self, Self::Error> {
        Iqd::new(amount)
    }
}

impl From<Iqd> for i64 {
    fn from(amount: Iqd) -> i64 {
        // At most MAX_IQD, far inside i64.
        amount.0 as i64
    }
}

/// The pay of an opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pay {
    /// A monthly wage or stipend between `min` and `max` (equal for a fixed amount).
    Monthly { min: Iqd, max: Iqd },
    /// A grant or loan paid once.
    Grant { amount: Iqd },
}

impl Pay {
    pub fn monthly(min: i64, max: i64) -> Result<Self, PayError> {
        let (min, max) = (Iqd::new(min)?, Iqd::new(max)?);
        if min > max {
            return Err(PayError::MinAboveMax);
        }
        Ok(Self::Monthly { min, max })
    }

    pub fn grant(amount: i64) -> Result<Self, PayError> {
        Ok(Self::Grant {
            amount: Iqd::new(amount)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_is_positive_bounded_and_ordered() {
        assert!(Pay::monthly(500_000, 750_000).is_ok());
        assert!(Pay::monthly(600_000, 600_000).is_ok());
        assert_eq!(Pay::monthly(900_000, 750_000), Err(PayError::MinAboveMax));
        assert_eq!(Pay::monthly(0, 750_000), Err(PayError::NotPositive));
        assert_eq!(Pay::monthly(-5, 750_000), Err(PayError::NotPositive));
        assert_eq!(Pay::grant(MAX_IQD as i64 + 1), Err(PayError::TooLarge));
        assert!(Pay::grant(7_000_000).is_ok());
        assert!(serde_json::from_str::<Iqd>("0").is_err());
    }
}
