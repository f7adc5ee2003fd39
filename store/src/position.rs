//! A place in the global log: the writing transaction id, then the global position.
//! Ordered the way the projector reads the log.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct LogPosition {
    pub tx_id: i64,
    pub position: i64,
}

impl LogPosition {
    pub const START: LogPosition = LogPosition {
        tx_id: 0,
        position: 0,
    };
}

impl std::fmt::Display for LogPosition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.tx_id, self.position)
    }
}

impl std::str::FromStr for LogPosition {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let (tx, pos) = s.split_once(':').ok_or(())?;
        Ok(Self {
            tx_id: tx.parse().map_err(|_| ())?,
            position: pos.parse().map_err(|_| ())?,
        })
    }
}
