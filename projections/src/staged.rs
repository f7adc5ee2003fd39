//! A read model's writes for a batch, handed to the projector as the parts of one
//! statement instead of run at once. The live projector then sends them with the
//! checkpoints' advance and the notification as a single statement, which PostgreSQL
//! commits on its own: one round trip where an explicit transaction took two more
//! (`BEGIN` before, `COMMIT` after). The projector's batches follow each other, so a
//! round trip less per batch is a shorter wait for every command waiting on its batch.

use sqlx::postgres::PgArguments;
use sqlx::{Arguments, Encode, PgConnection, Postgres, Type};

/// Data-modifying `WITH` parts (`name AS (INSERT …), …`) over parameters `$1` to
/// `$parameters`, and their values. The projector's own parts follow them, named
/// `projection_…`.
pub struct Staged {
    parts: &'static str,
    arguments: PgArguments,
    parameters: usize,
}

impl Staged {
    pub fn new(parts: &'static str) -> Self {
        Self {
            parts,
            arguments: PgArguments::default(),
            parameters: 0,
        }
    }

    /// Binds the next parameter.
    pub fn bind<'q, T>(mut self, value: T) -> Result<Self, sqlx::Error>
    where
        T: 'q + Encode<'q, Postgres> + Type<Postgres>,
    {
        self.arguments.add(value).map_err(sqlx::Error::Encode)?;
        self.parameters += 1;
        Ok(self)
    }

    /// Runs the parts as a statement of their own (a rebuild, or a batch whose read models
    /// write in an explicit transaction).
    pub async fn run(self, conn: &mut PgConnection) -> Result<(), sqlx::Error> {
        let sql = format!("WITH {} SELECT 1", self.parts);
        sqlx::query_with(&sql, self.arguments)
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// The parts, their values and how many there are, for the projector to add its own.
    pub(crate) fn into_parts(self) -> (&'static str, PgArguments, usize) {
        (self.parts, self.arguments, self.parameters)
    }
}

/// The numbers of the `K` parameters that follow the first `after` (`$after+1` onwards),
/// for a statement that appends its own parameters to staged ones.
pub(crate) fn following<const K: usize>(after: usize) -> [usize; K] {
    std::array::from_fn(|i| after + i + 1)
}
