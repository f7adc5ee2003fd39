//! The command line: `sanad serve | migrate | rebuild | verify | seed | admin | schema`.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use axum::serve::ListenerExt;

use clap::{Args, Parser, Subcommand};
use domain::access::Actor;
use domain::values::Role;
use projections::{ProjectionWatch, Projector, ProjectorConfig};
use sqlx::PgPool;
use store::CommandContext;
use uuid::Uuid;

use crate::accounts::account::{self, NewAccount};
use crate::config::Config;
use crate::errors::ApiError;
use crate::state::AppState;
use crate::{db, seed};

#[derive(Parser)]
#[command(
    name = "sanad",
    version,
    about = "Sanad (سند): the shared platform for the sustainable reintegration of returnees in Iraq"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// PostgreSQL connection URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/sanad"
    )]
    database_url: String,
}

#[derive(Subcommand)]
enum Command {
    /// Serve GraphQL, the web pages, /healthz, /readyz and /metrics (applies migrations first).
    Serve(Config),
    /// Apply the database migrations.
    Migrate(DbArgs),
    /// Rebuild read models from the event log: all of them, or the one named.
    Rebuild {
        #[command(flatten)]
        db: DbArgs,
        /// A read model's name (see `readModels` in GraphQL); all when omitted.
        name: Option<String>,
    },
    /// Recompute every hash link of the event log and name the first broken position.
    Verify(DbArgs),
    /// Load demo organisations and accounts. Refuses a database that already has events.
    Seed {
        #[command(flatten)]
        db: DbArgs,
        /// Seed even though the database already holds events.
        #[arg(long)]
        force: bool,
    },
    /// Administration: accounts and API tokens.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a user. Without --organization, a Secretariat role joins the Secretariat
    /// (registered on first use): this is how the first administrator is made.
    CreateUser {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// At least 10 characters.
        #[arg(long, env = "SANAD_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long, default_value = "secretariat_admin")]
        role: String,
        /// The organisation's id (UUID).
        #[arg(long)]
        organization: Option<Uuid>,
    },
    /// Create an API token for a user; prints it once.
    CreateToken {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: String,
    },
    /// Revoke an API token by id.
    RevokeToken {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        id: Uuid,
    },
    /// Reinstate a suspended organisation as the platform itself: the way out for an
    /// installation whose Secretariat can no longer act (recorded as an event).
    Reinstate {
        #[command(flatten)]
        db: DbArgs,
        /// The organisation's id (UUID), or `secretariat`.
        organization: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Set a user's password, enable the account, end its sessions and clear its
    /// sign-in throttle (recorded in the access log).
    ResetPassword {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        username: String,
        /// At least 10 characters.
        #[arg(long, env = "SANAD_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

fn init_tracing(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    // Colours only for a terminal: a log file or journal gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

async fn connect_with_retry(url: &str, size: u32) -> Result<PgPool, String> {
    let mut last = String::new();
    for attempt in 0..30 {
        match db::connect(url, size).await {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                last = e.to_string();
                if attempt == 0 {
                    tracing::warn!(error = %last, "database not reachable yet; retrying for 30 s");
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
    Err(format!("cannot connect to the database: {last}"))
}

async fn open(url: &str) -> Result<AppState, String> {
    let pool = connect_with_retry(url, 4).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    Ok(AppState::new(pool, Config::for_database(url), None))
}

fn explain(e: ApiError) -> String {
    let mut s = crate::i18n::message(e.key, crate::i18n::Locale::En, &e.args);
    if let Some(d) = e.detail {
        s.push_str(&format!(" ({d})"));
    }
    s
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

pub async fn serve(config: Config) -> Result<(), String> {
    config.check_keys()?;
    if config.dev.is_none() && config.is_dev() {
        tracing::warn!(
            "development mode, since {} is a loopback address: set SANAD_DEV=false in \
             production (also behind a proxy on this host)",
            config.bind
        );
    }
    if let Some(key) = &config.master_key {
        crate::privacy::KeyRing::from_hex(key)?;
    }
    let pool = connect_with_retry(&config.database_url, config.pool_size).await?;
    db::migrate(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    let watch = ProjectionWatch::start(pool.clone(), projections::models::names());
    let bind = config.bind.clone();
    let project = config.projector;
    let mut state = AppState::new(pool.clone(), config, Some(watch.clone()));
    if project {
        let referrals = projections::models::Referrals::default();
        state = state.with_committed_referrals(referrals.committed());
        let projector = Projector::new(
            pool,
            projections::models::with_referrals(referrals),
            ProjectorConfig::default(),
        )
        .with_signal(state.store.signal().clone())
        .with_watch(watch);
        tokio::spawn(projector.run());
    }
    tokio::spawn(crate::referrals::sla::run(state.clone()));
    tokio::spawn(crate::accounts::throttle::forget_stale(state.pool.clone()));
    let app = crate::router(state);
    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!("Sanad serves http://{addr}  (GraphQL at /graphql)");
    // Answers go out as soon as they are written: with Nagle's algorithm the last segment
    // of a large answer waited for the client's acknowledgement of the one before.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
    });
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    // A graceful stop waits for requests in flight and open sockets; past the grace period
    // the process stops anyway (what was acknowledged is committed; the rest was not).
    let mut stopping = stop_rx;
    tokio::select! {
        done = server => done.map_err(|e| e.to_string()),
        _ = async {
            let _ = stopping.wait_for(|s| *s).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => {
            tracing::warn!("requests still running {SHUTDOWN_GRACE:?} after the stop signal: stopping anyway");
            Ok(())
        }
    }
}

/// How long a stopping server lets requests in flight finish.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

async fn admin(command: AdminCommand) -> Result<(), String> {
    match command {
        AdminCommand::CreateUser {
            db,
            username,
            display_name,
            password,
            role,
            organization,
        } => {
            let state = open(&db.database_url).await?;
            seed::project_now(&state).await.map_err(explain)?;
            let role = Role::parse(&role).ok_or_else(|| {
                let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                format!("unknown role {role:?}; one of: {}", all.join(", "))
            })?;
            let organization_id = match organization {
                Some(id) => id,
                None if matches!(role, Role::SecretariatAdmin | Role::SecretariatAuditor) => {
                    seed::ensure_secretariat(&state).await.map_err(explain)?
                }
                None => return Err("--organization is required for this role".into()),
            };
            let ctx = CommandContext::new(Actor::system("admin"), None, "cli");
            let user_id = account::create(
                &state,
                &ctx,
                NewAccount {
                    organization_id,
                    username: username.clone(),
                    display_name,
                    password,
                    role,
                },
            )
            .await
            .map_err(explain)?;
            seed::project_now(&state).await.map_err(explain)?;
            println!(
                "created {username} ({}) with id {user_id} in organisation {organization_id}",
                role.as_str()
            );
            Ok(())
        }
        AdminCommand::CreateToken { db, username, name } => {
            let state = open(&db.database_url).await?;
            let user_id: Option<Uuid> = sqlx::query_scalar(
                "SELECT user_id FROM accounts WHERE lower(username) = lower($1)",
            )
            .bind(&username)
            .fetch_optional(&state.pool)
            .await
            .map_err(|e| e.to_string())?;
            let user_id = user_id.ok_or_else(|| format!("no account {username:?}"))?;
            let ctx = CommandContext::new(Actor::system("admin"), None, "cli");
            let token = crate::accounts::api_tokens::create(&state, &ctx, user_id, &name)
                .await
                .map_err(explain)?;
            println!("{}", token.token);
            eprintln!(
                "token id {} for {username}: store it now, it is not shown again",
                token.id
            );
            Ok(())
        }
        AdminCommand::RevokeToken { db, id } => {
            let state = open(&db.database_url).await?;
            let ctx = CommandContext::new(Actor::system("admin"), None, "cli");
            crate::accounts::api_tokens::revoke(&state, &ctx, id)
                .await
                .map_err(explain)?;
            println!("revoked {id}");
            Ok(())
        }
        AdminCommand::Reinstate {
            db,
            organization,
            note,
        } => {
            let state = open(&db.database_url).await?;
            let id = if organization.eq_ignore_ascii_case("secretariat") {
                seed::ensure_secretariat(&state).await.map_err(explain)?
            } else {
                Uuid::parse_str(&organization)
                    .map_err(|_| format!("{organization:?} is neither a UUID nor `secretariat`"))?
            };
            let actor = Actor::system("admin");
            let ctx = CommandContext::new(actor.clone(), None, "cli");
            state
                .execute::<domain::organization::Organization>(
                    &id.to_string(),
                    &ctx,
                    domain::organization::OrganizationCommand::Reinstate { actor, note },
                )
                .await
                .map_err(explain)?;
            seed::project_now(&state).await.map_err(explain)?;
            println!("reinstated organisation {id}");
            Ok(())
        }
        AdminCommand::ResetPassword {
            db,
            username,
            password,
        } => {
            let state = open(&db.database_url).await?;
            account::reset_password(&state, &username, password)
                .await
                .map_err(explain)?;
            println!("password of {username} reset; its sessions ended");
            Ok(())
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve(config) => {
            init_tracing(&config.log_format);
            serve(config).await
        }
        Command::Migrate(db) => {
            init_tracing("text");
            open(&db.database_url).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Rebuild { db, name } => {
            init_tracing("text");
            let state = open(&db.database_url).await?;
            let report = projections::rebuild(
                &state.pool,
                &projections::models::all(),
                name.as_deref(),
                10_000,
            )
            .await
            .map_err(|e| e.to_string())?;
            let secs = report.elapsed.as_secs_f64();
            println!(
                "rebuilt {} from {} events in {:.2} s ({:.0} events/s)",
                report.projections.join(", "),
                report.events,
                secs,
                report.events as f64 / secs.max(1e-9)
            );
            Ok(())
        }
        Command::Verify(db) => {
            init_tracing("text");
            let state = open(&db.database_url).await?;
            let report = store::verify_chain(&state.pool)
                .await
                .map_err(|e| e.to_string())?;
            match report.first_broken_position {
                None => {
                    println!("the event log is intact: {} events checked", report.checked);
                    Ok(())
                }
                Some(p) => Err(format!(
                    "the event log is broken at global position {p}: {} ({} events checked)",
                    report.reason.unwrap_or_default(),
                    report.checked
                )),
            }
        }
        Command::Seed { db, force } => {
            init_tracing("text");
            let state = open(&db.database_url).await?;
            let events: i64 = sqlx::query_scalar("SELECT count(*) FROM events")
                .fetch_one(&state.pool)
                .await
                .map_err(|e| e.to_string())?;
            if events > 0 && !force {
                return Err(format!(
                    "the database already holds {events} events; seeding is for empty databases (use --force to add the demo data anyway)"
                ));
            }
            let accounts = seed::seed(&state).await.map_err(explain)?;
            println!(
                "demo data loaded. Accounts (password: {}):",
                seed::DEMO_PASSWORD
            );
            for a in accounts {
                println!(
                    "  {:<26} {:<22} {}",
                    a.username,
                    a.role.as_str(),
                    a.organization
                );
            }
            Ok(())
        }
        Command::Admin { command } => {
            init_tracing("text");
            admin(command).await
        }
        Command::Schema => {
            print!("{}", crate::graphql::sdl());
            Ok(())
        }
    }
}

pub async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sanad: {e}");
            ExitCode::FAILURE
        }
    }
}
