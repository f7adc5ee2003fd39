//! `sanad`: serve, migrate, rebuild, verify, seed, admin. See `sanad --help`.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    api::cli::main().await
}
