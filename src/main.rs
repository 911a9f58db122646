//! The `topteam` command: `serve` (the default) and `check`.

use anyhow::{bail, Context};
use std::net::SocketAddr;
use std::path::PathBuf;
use topteam::app::{shutdown_signal, Application, KeySource};
use topteam::config::Config;
use topteam::report::{report_json, report_markdown, votes_csv, Source};
use topteam::transcript::parse;
use topteam::workshop::check_files;

const USAGE: &str = "\
topteam: live workshops for a council cabinet and its management team

USAGE:
    topteam [serve] [--addr 127.0.0.1:8080] [--data-dir ./data] [--workshops ./workshops]
                    [--sync-window-ms 2] [--join-budget 100]
    topteam check FILE...
    topteam export SESSION --format md|csv|json [--data-dir ./data]
    topteam verify FILE

The facilitator key comes from TOPTEAM_ADMIN_KEY, or is generated into the data folder.
--sync-window-ms: how long an append waits for other sessions' appends so one
sync of the data folder's disk covers them all; 0 syncs each file alone.
--join-budget: joins one address may make into one session per minute (a
room behind one venue address fits well within 100).";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `topteam serve --help` asks for help too, not for an error.
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("export") => export(&args[1..]),
        Some("verify") => verify(&args[1..]),
        Some("help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("serve") => serve(&args[1..]),
        _ => serve(&args),
    }
}

fn serve(args: &[String]) -> anyhow::Result<()> {
    let mut config = Config::new(PathBuf::from("data"));
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let mut value = || {
            rest.next()
                .with_context(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match flag.as_str() {
            "--addr" => {
                config.addr = value()?
                    .parse::<SocketAddr>()
                    .context("--addr takes host:port")?
            }
            "--data-dir" => config.data_dir = PathBuf::from(value()?),
            "--workshops" => config.workshops_dir = PathBuf::from(value()?),
            "--sync-window-ms" => {
                let ms: u64 = value()?
                    .parse()
                    .context("--sync-window-ms takes a whole number of milliseconds")?;
                config.timings.sync_window = std::time::Duration::from_millis(ms.min(100));
            }
            "--join-budget" => {
                config.limits.joins_per_address_per_minute = value()?
                    .parse()
                    .context("--join-budget takes a whole number of joins per minute")?;
            }
            other => bail!("unknown option {other:?}\n\n{USAGE}"),
        }
    }
    config.admin_key = std::env::var("TOPTEAM_ADMIN_KEY").ok();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
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
        println!("facilitator console: http://{addr}/facilitate");
        match app.key_source() {
            KeySource::Given => println!("facilitator key: from TOPTEAM_ADMIN_KEY"),
            KeySource::Stored | KeySource::Generated => println!(
                "facilitator key: {} (kept in {})",
                app.admin_key(),
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

fn check(files: &[String]) -> anyhow::Result<()> {
    if files.is_empty() {
        bail!("name at least one script to check\n\n{USAGE}");
    }
    let paths: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let report = check_files(&paths).context("cannot read the scripts")?;
    let mut failed = false;
    for (file, outcome) in report {
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
fn export(args: &[String]) -> anyhow::Result<()> {
    let mut session = None;
    let mut format = None;
    let mut data_dir = PathBuf::from("data");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => format = rest.next().cloned(),
            "--data-dir" => {
                data_dir = PathBuf::from(rest.next().context("--data-dir needs a value")?)
            }
            other if session.is_none() && !other.starts_with("--") => {
                session = Some(other.to_string())
            }
            other => bail!("unknown option {other:?}\n\n{USAGE}"),
        }
    }
    let session = session.with_context(|| format!("name the session to export\n\n{USAGE}"))?;
    let uuid: uuid::Uuid = session
        .parse()
        .context("the session is its id (a UUID), as in the review page's address")?;
    let path = data_dir.join("sessions").join(format!("{uuid}.jsonl"));
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let source = Source::from_transcript(&bytes)
        .with_context(|| format!("{} cannot be replayed", path.display()))?;
    let out = match format.as_deref() {
        Some("md") => report_markdown(&source),
        Some("csv") => votes_csv(&source),
        Some("json") => report_json(&source).to_string(),
        _ => bail!("--format is md, csv or json"),
    };
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(())
}

/// Replays a transcript and says whether it is whole: exit 0 if so, 1 if not.
fn verify(args: &[String]) -> anyhow::Result<()> {
    let [file] = args else {
        bail!("name one transcript file\n\n{USAGE}")
    };
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {file}"))?;
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
