//! The server a walk visits: the real `sanad` binary serving a database of its own that
//! holds the demo data (`sanad seed`, as `scripts/run` does on a first start).

use crate::{cli, Serve, TestDb};

pub struct Site {
    pub serve: Serve,
    pub db: TestDb,
}

impl Site {
    pub async fn start() -> Site {
        let db = TestDb::migrated().await;
        cli(&db.url, &["seed"]).await;
        let serve = Serve::start(&db.url).await;
        Site { serve, db }
    }

    /// The address pages are served at, `http://127.0.0.1:<port>`.
    pub fn base(&self) -> &str {
        &self.serve.base
    }
}
