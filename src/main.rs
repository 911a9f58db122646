//! The `topteam` command (clap): `serve` (the default), `check`, `export`, `verify`.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;
use topteam::app::{shutdown_signal, Application, KeySource};
use topteam::config::Config;
use topteam::report::{report_json, report_markdown, votes_csv, Source};
use topteam::transcript::parse;
use topteam::workshop::check_files;

/// topteam: live workshops for a council cabinet and its management team.
///
/// With no command, serves (as `topteam serve`).
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Serve the console, the projector and the phones (the default).
    Serve(ServeArgs),
    /// Validate workshop scripts: `FILE: ok (...)` or one line per problem.
    Check {
        /// The scripts (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// For a Welsh or bilingual session: also name each text people read
        /// that has no Welsh (a warning; the exit status is not changed).
        #[arg(long)]
        welsh: bool,
    },
    /// Write a session's report, ballots or results to stdout, rebuilt from its transcript.
    Export {
        /// The session's id (a UUID), as in the review page's address.
        session: uuid::Uuid,
        /// What to write.
        #[arg(long, value_enum)]
        format: Format,
        /// Where the transcripts are.
        #[arg(long, default_value = "data")]
        data_dir: PathBuf,
    },
    /// Delete every series whose sessions all ended before DATE, with their
    /// sessions, recording each in DATA_DIR/audit.log (stop the server first).
    Purge {
        /// The day (YYYY-MM-DD, UK time) before which the last session ended.
        #[arg(long)]
        ended_before: jiff::civil::Date,
        /// Where the data is.
        #[arg(long, default_value = "data", env = "TOPTEAM_DATA_DIR")]
        data_dir: PathBuf,
        /// Not needed: purging reads the data folder alone. Accepted so that
        /// a command line written for an earlier version still runs.
        #[arg(long, hide = true)]
        workshops: Option<PathBuf>,
    },
    /// Copy the data folder (transcripts, their secrets, series, templates,
    /// the key) into DIR, a new folder, with a manifest written last; safe
    /// while the server runs. `topteam restore DIR` puts it back.
    Backup {
        /// Where the copy goes (made if missing; must be empty).
        dir: PathBuf,
        /// The data folder to copy.
        #[arg(long, default_value = "data", env = "TOPTEAM_DATA_DIR")]
        data_dir: PathBuf,
    },
    /// Restore a backup made by `topteam backup` into a new data folder,
    /// after checking every file against its manifest. Review links it holds
    /// are revoked (they may have been revoked since the backup was taken)
    /// unless --keep-review-links
    Restore {
        /// The backup folder.
        dir: PathBuf,
        /// The new data folder (made if missing; must be empty).
        #[arg(long, env = "TOPTEAM_DATA_DIR")]
        data_dir: PathBuf,
        /// Keep the backup's review links working.
        #[arg(long)]
        keep_review_links: bool,
    },
    /// Replay a transcript and say whether it is whole (exit 1 if not).
    Verify {
        /// The transcript (`DATA_DIR/sessions/<id>.jsonl`).
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
struct ServeArgs {
    /// Address to listen on (0.0.0.0:8080 for phones on the venue's wifi).
    #[arg(long, default_value = "127.0.0.1:8080", env = "TOPTEAM_ADDR")]
    addr: SocketAddr,
    /// Where transcripts, series and the generated key are kept.
    #[arg(long, default_value = "data", env = "TOPTEAM_DATA_DIR")]
    data_dir: PathBuf,
    /// Folder of workshop scripts (*.toml).
    #[arg(long, default_value = "workshops", env = "TOPTEAM_WORKSHOPS")]
    workshops: PathBuf,
    /// How long an append waits for other sessions' appends so one sync of
    /// the data folder's disk covers them all (only while others append);
    /// 0 syncs each file alone.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(0..=100))]
    sync_window_ms: u64,
    /// Phones' websockets one address may hold open at once (a council's
    /// room behind one venue address is far below 2,000).
    #[arg(long, env = "TOPTEAM_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections_per_address: u32,
    /// Joins one address may make into one session per minute (a room behind
    /// one venue address fits well within 100).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    join_budget: u32,
    /// The address phones reach this server at, e.g.
    /// https://workshops.example.org: the QR code and every join link use it.
    /// Without it pages use the address the browser asked for.
    #[arg(long, env = "TOPTEAM_PUBLIC_URL")]
    public_url: Option<topteam::config::PublicUrl>,
    /// A classification line on every page of the PDF outcome packs, e.g.
    /// OFFICIAL (the council's security marking).
    #[arg(long, env = "TOPTEAM_CLASSIFICATION")]
    classification: Option<String>,
    /// The council's name, on the first page of every PDF outcome pack.
    #[arg(long, env = "TOPTEAM_COUNCIL")]
    council: Option<String>,
    /// Delete series whose last session ended more than N days ago, at
    /// start-up and daily (the council's retention period).
    #[arg(long, env = "TOPTEAM_RETAIN_DAYS", value_parser = clap::value_parser!(u32).range(1..))]
    retain_days: Option<u32>,
    /// Behind a reverse proxy (Caddy, nginx) that sets X-Forwarded-For: take
    /// each client's address from it for rate limits. Off by default: a
    /// client could otherwise claim any address.
    #[arg(long, env = "TOPTEAM_TRUST_PROXY")]
    trust_proxy: bool,
    /// The facilitator key; if unset, one is kept in (or generated into) the data folder.
    #[arg(
        long = "admin-key",
        env = "TOPTEAM_ADMIN_KEY",
        hide_env_values = true,
        hide = true
    )]
    admin_key: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Check { files, welsh }) => check(&files, welsh),
        Some(Cmd::Export {
            session,
            format,
            data_dir,
        }) => export(session, format, &data_dir),
        Some(Cmd::Verify { file }) => verify(&file),
        Some(Cmd::Restore {
            dir,
            data_dir,
            keep_review_links,
        }) => {
            let restored = topteam::backup::restore(&dir, &data_dir, keep_review_links)
                .with_context(|| format!("cannot restore {}", dir.display()))?;
            println!(
                "restored {} files from {} into {}; {} review links revoked{}",
                restored.files,
                dir.display(),
                data_dir.display(),
                restored.links_revoked,
                if keep_review_links {
                    " (kept, as asked)"
                } else {
                    " (make new ones on the series page)"
                }
            );
            Ok(())
        }
        Some(Cmd::Backup { dir, data_dir }) => {
            let copied = topteam::backup::backup(&data_dir, &dir).with_context(|| {
                format!(
                    "cannot back up {} into {}",
                    data_dir.display(),
                    dir.display()
                )
            })?;
            println!(
                "copied {copied} files from {} into {}",
                data_dir.display(),
                dir.display()
            );
            Ok(())
        }
        Some(Cmd::Purge {
            ended_before,
            data_dir,
            workshops: _,
        }) => purge(ended_before, data_dir),
        Some(Cmd::Serve(args)) => serve(args),
        None => serve(cli.serve),
    }
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = Config::new(args.data_dir);
    config.addr = args.addr;
    config.workshops_dir = args.workshops;
    config.timings.sync_window = std::time::Duration::from_millis(args.sync_window_ms);
    config.limits.joins_per_address_per_minute = args.join_budget;
    config.limits.max_sockets_per_address = args.max_connections_per_address as usize;
    config.admin_key = args.admin_key.map(Into::into);
    config.public_url = args.public_url;
    config.classification = args.classification.filter(|c| !c.trim().is_empty());
    config.council = args.council.filter(|c| !c.trim().is_empty());
    config.trust_proxy = args.trust_proxy;
    config.retain_days = args.retain_days;
    // The websocket library logs every message it reads at debug and trace:
    // ballots, anonymous ones too, inside a span that names the voter. No
    // `RUST_LOG` may turn that on.
    let quiet_sockets = ["tungstenite=info", "tokio_tungstenite=info"]
        .map(|d| d.parse().expect("a valid directive"));
    let filter = quiet_sockets.into_iter().fold(
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        tracing_subscriber::EnvFilter::add_directive,
    );
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let fd_limit = topteam::app::raise_fd_limit();
    tracing::info!(fd_limit, "open-file limit");
    topteam::app::limit_malloc_arenas();
    // fsyncs run on the blocking pool; more threads than this only queue in the
    // filesystem's journal anyway, and each costs stack and an allocator arena.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(64)
        .build()?;
    runtime.block_on(async move {
        let app = Application::build(config.clone()).await?;
        let addr = app.local_addr();
        println!("topteam listening on http://{addr}");
        // 0.0.0.0 is where it listens, not an address a browser can open.
        let mut console = addr;
        if console.ip().is_unspecified() {
            console.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        println!("facilitator console: http://{console}/facilitate");
        match &config.public_url {
            Some(url) => {
                println!("phones join at: {}/join/<code>", url.as_str());
                if url.is_loopback() {
                    println!("warning: {} is this machine only; no phone can reach it", url.as_str());
                }
            }
            None => {
                println!("phones join at: the address the projector page is opened with (set --public-url to fix it)");
                if addr.ip().is_loopback() {
                    println!(
                        "warning: listening on {addr}, this machine only: phones cannot reach it. \
                         On venue wifi run with --addr 0.0.0.0:8080 and --public-url http://<this laptop's address>:8080"
                    );
                }
            }
        }
        match app.key_source() {
            KeySource::Given => println!("facilitator key: from TOPTEAM_ADMIN_KEY"),
            // Shown once, when it is made: printed at every start it would
            // land in the system journal with each restart.
            KeySource::Generated => println!(
                "facilitator key: {} (kept in {}; shown only now)",
                app.admin_key(),
                config.data_dir.join("admin.key").display()
            ),
            KeySource::Stored => println!(
                "facilitator key: kept in {} (readable by you alone)",
                config.data_dir.join("admin.key").display()
            ),
        }
        println!("sessions resumed: {}", app.resumed());
        let token = app.shutdown_token();
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("shutting down");
            token.cancel();
        });
        app.run().await?;
        anyhow::Ok(())
    })
}

fn check(paths: &[PathBuf], welsh: bool) -> anyhow::Result<()> {
    let report = check_files(paths).context("cannot read the scripts")?;
    let mut failed = false;
    for (file, outcome) in report {
        if welsh {
            let script = std::fs::read_to_string(&file)
                .ok()
                .and_then(|t| topteam::workshop::Workshop::parse(&t).ok());
            for at in script.map(|s| s.texts_lacking_welsh()).unwrap_or_default() {
                println!("{}: warning: {at} has no Welsh", file.display());
            }
        }
        match outcome {
            Ok(summary) => println!("{}: {summary}", file.display()),
            Err(problems) => {
                failed = true;
                for p in problems {
                    println!("{}: {p}", file.display());
                }
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
    Ok(())
}

/// Writes a session's report to stdout, rebuilt from its transcript on disk.
fn export(uuid: uuid::Uuid, format: Format, data_dir: &std::path::Path) -> anyhow::Result<()> {
    let path = data_dir.join("sessions").join(format!("{uuid}.jsonl"));
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let pseudonyms = match topteam::transcript::read_secret(&data_dir.join("sessions"), uuid) {
        Ok(secret) => topteam::session::Pseudonyms::new(secret),
        Err(e) => topteam::session::Pseudonyms::unavailable(e.to_string()),
    };
    let source = Source::from_transcript(&bytes, pseudonyms)
        .with_context(|| format!("{} cannot be replayed", path.display()))?;
    let out = match format {
        Format::Md => report_markdown(&source),
        Format::Csv => votes_csv(&source),
        Format::Json => report_json(&source).to_string(),
    };
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(())
}

/// Replays a transcript and says whether it is whole: exit 0 if so, 1 if not.
fn verify(path: &std::path::Path) -> anyhow::Result<()> {
    let file = path.display();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {file}"))?;
    match parse(&bytes) {
        Ok(parsed) => {
            let info = &parsed.header.session;
            let n = parsed.records.len();
            match &parsed.torn {
                None => {
                    println!(
                        "{file}: whole: {n} events (seq 1 to {n}), session {} ({})",
                        info.id, info.workshop.id
                    );
                    Ok(())
                }
                Some(why) => {
                    println!("{file}: torn last line, {why}; the {n} events before it are whole and replay");
                    std::process::exit(1);
                }
            }
        }
        Err(e) => {
            println!("{file}: not whole: {e}");
            std::process::exit(1);
        }
    }
}

fn purge(ended_before: jiff::civil::Date, data_dir: PathBuf) -> anyhow::Result<()> {
    let cutoff = ended_before
        .to_zoned(jiff::tz::TimeZone::get("Europe/London")?)?
        .timestamp();
    let config = Config::new(data_dir);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        // The data folder alone: no listener, no workshop scripts.
        let folder = topteam::app::DataFolder::open(&config)?;
        let lock = tokio::sync::Mutex::new(());
        let records = topteam::records::Records {
            sessions: &folder.sessions,
            series: &folder.series,
            erasures: &folder.erasures,
            audit: &folder.audit,
            lock: &lock,
        };
        let purged = topteam::records::deletion::purge(records, cutoff, "purge")
            .await
            .map_err(|e| anyhow::Error::msg(e.message))?;
        println!(
            "deleted {} series whose sessions all ended before {ended_before}",
            purged.deleted
        );
        for (series, why) in &purged.kept {
            println!("kept series {series}: {why}");
        }
        folder.close().await;
        anyhow::Ok(())
    })
}
