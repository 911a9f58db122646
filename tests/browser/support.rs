//! Real Chromium through chromedriver, a network that can be cut, and axe-core.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};

/// Phone-sized and laptop-sized windows.
pub const PHONE: (u32, u32) = (360, 740);
pub const LAPTOP: (u32, u32) = (1280, 900);
/// How long a page may take to show what a test waits for.
pub const PAGE_WAIT: Duration = Duration::from_secs(20);

/// A chromedriver process, stopped on drop.
pub struct Driver {
    child: std::process::Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    /// Starts chromedriver on a free port. `scripts/test` installs it; a
    /// missing one fails the test, so CI can never skip the browser quietly.
    pub async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver is installed (bash scripts/test installs chromium and chromium-driver)");
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let deadline = tokio::time::Instant::now() + PAGE_WAIT;
        while http.get(format!("{url}/status")).send().await.is_err() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Driver { child, url }
    }

    /// A new headless Chromium window of this size.
    pub async fn browser(&self, (width, height): (u32, u32)) -> Client {
        let mut options = json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--window-size={},{height}", width.max(500)),
            ]
        });
        // Chrome will not make a window narrower than about 500 px; a phone's
        // true width comes from device emulation instead.
        if width < 500 {
            options["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0 } });
        }
        let caps = json!({ "browserName": "chrome", "goog:chromeOptions": options });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("chromium starts")
    }
}

impl Driver {
    /// A window whose page area is exactly `width` x `height`, as a projector
    /// in full screen shows it (the window's own frame is added around it).
    pub async fn viewport(&self, (width, height): (u32, u32)) -> Client {
        let client = self.browser((width, height)).await;
        let frame = client
            .execute("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];", vec![])
            .await
            .unwrap();
        let dw = frame[0].as_u64().unwrap_or(0) as u32;
        let dh = frame[1].as_u64().unwrap_or(0) as u32;
        client
            .set_window_size(width + dw, height + dh)
            .await
            .unwrap();
        client
    }
}

/// Waits until the element matching `css` contains `text`; returns its text.
pub async fn wait_text(client: &Client, css: &str, text: &str) -> String {
    let deadline = tokio::time::Instant::now() + PAGE_WAIT;
    let mut last = String::new();
    loop {
        if let Ok(elements) = client.find_all(Locator::Css(css)).await {
            for e in elements {
                if let Ok(t) = e.text().await {
                    if t.contains(text) {
                        return t;
                    }
                    last = t;
                }
            }
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{css:?} never showed {text:?}; last saw {last:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks the first element matching `css`, waiting for it to appear. Live
/// views re-render as votes arrive, so an element can be replaced between
/// finding and clicking it; then it is found again, as a person would.
pub async fn click(client: &Client, css: &str) {
    let deadline = tokio::time::Instant::now() + PAGE_WAIT;
    loop {
        let outcome = match client.find(Locator::Css(css)).await {
            Ok(element) => element.click().await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match outcome {
            Ok(()) => return,
            Err(e) if tokio::time::Instant::now() >= deadline => {
                panic!("cannot click {css:?}: {e}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Types into the field matching `css`.
pub async fn type_into(client: &Client, css: &str, text: &str) {
    let element = client
        .wait()
        .at_most(PAGE_WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    element.send_keys(text).await.unwrap();
}

/// Saves a screenshot to `target/screenshots/NAME.png`, to look at.
/// A phone joins by typing its name and choosing its team.
pub async fn join(phone: &Client, base: &str, code: &str, name: &str, group: &str) {
    phone.goto(&format!("{base}/join/{code}")).await.unwrap();
    type_into(phone, "#name", name).await;
    click(phone, &format!("#group-{group}")).await;
    click(phone, "form.join button[type=submit]").await;
}

pub async fn screenshot(client: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = client.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page; returns each
/// violation as `rule (impact): help @ first target`.
pub async fn accessibility_violations(client: &Client) -> Vec<String> {
    let path = std::env::var("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/npm/node_modules/axe-core/axe.min.js")
        });
    let source = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "axe-core not found at {} (bash scripts/test installs it)",
            path.display()
        )
    });
    client
        .execute(&format!("{source}\nreturn true;"), vec![])
        .await
        .unwrap();
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
                 .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' + JSON.stringify(v.nodes[0].target))))
                 .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}

/// A TCP proxy in front of the server whose network can be cut and restored,
/// as a phone's would in a room with poor signal.
pub struct Proxy {
    pub addr: SocketAddr,
    cut: Arc<AtomicBool>,
    quiet: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<tokio::task::AbortHandle>>>,
}

/// Copies bytes one way, dropping them while `quiet`: the connection stays
/// open and says nothing, as a phone's does when the venue's wifi stalls.
async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    quiet: Arc<AtomicBool>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if quiet.load(Ordering::SeqCst) {
            continue;
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

impl Proxy {
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let cut = Arc::new(AtomicBool::new(false));
        let quiet = Arc::new(AtomicBool::new(false));
        let links: Arc<Mutex<Vec<tokio::task::AbortHandle>>> = Arc::default();
        let (is_cut, is_quiet, all) = (cut.clone(), quiet.clone(), links.clone());
        tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                if is_cut.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused
                }
                let quiet = is_quiet.clone();
                let link = tokio::spawn(async move {
                    if let Ok(outbound) = TcpStream::connect(upstream).await {
                        let (in_read, in_write) = inbound.into_split();
                        let (out_read, out_write) = outbound.into_split();
                        tokio::select! {
                            _ = pump(in_read, out_write, quiet.clone()) => {}
                            _ = pump(out_read, in_write, quiet) => {}
                        }
                    }
                });
                all.lock().unwrap().push(link.abort_handle());
            }
        });
        Proxy {
            addr,
            cut,
            quiet,
            links,
        }
    }

    /// Every connection stays open but carries nothing, either way.
    pub fn silence(&self) {
        self.quiet.store(true, Ordering::SeqCst);
    }

    /// Drops every connection and refuses new ones.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    /// Lets connections through again, and speak again.
    pub fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
        self.quiet.store(false, Ordering::SeqCst);
    }
}
