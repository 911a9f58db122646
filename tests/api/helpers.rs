//! A real server on port 0, and typed clients for its HTTP API and websockets.

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use tokio_util::sync::CancellationToken;
use topteam::app::Application;
use topteam::config::Config;

/// How long any single wait in a test may take before it fails.
pub const WAIT: Duration = Duration::from_secs(20);

pub const KEY: &str = "test-facilitator-key";

/// A temporary folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("topteam-test-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The shipped scripts.
pub fn shipped_workshops() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops")
}

/// A folder with the shipped scripts and the test fixtures (`vote`: one dots
/// vote), so tests of the machinery do not depend on workshop content.
pub fn workshops_dir() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("topteam-workshops-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for from in [shipped_workshops(), fixtures] {
            for entry in std::fs::read_dir(from).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue; // tests/fixtures/transcripts holds data folders
                }
                std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            }
        }
        dir
    })
    .clone()
}

/// A running server; shut down when dropped.
pub struct TestApp {
    pub addr: String,
    pub http: reqwest::Client,
    shutdown: CancellationToken,
    done: Option<tokio::task::JoinHandle<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

pub async fn spawn_app(data_dir: &Path) -> TestApp {
    spawn_app_with(data_dir, |_| {}).await.0
}

/// A session as the API describes it on creation.
#[derive(Debug, Clone)]
pub struct Created {
    pub id: String,
    pub code: String,
}

/// A joined participant.
#[derive(Debug, Clone)]
pub struct Joined {
    pub id: String,
    pub token: String,
    pub admitted: bool,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Shuts the server down and waits for it to finish.
    pub async fn stop(mut self) {
        self.shutdown.cancel();
        if let Some(done) = self.done.take() {
            done.await.unwrap();
        }
    }

    pub async fn create_session(&self, workshop: &str) -> Created {
        let (status, body) = self
            .post_json(
                "/api/sessions",
                Some(KEY),
                json!({ "workshop": workshop, "title": "Test council" }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        Created {
            id: body["id"].as_str().unwrap().to_string(),
            code: body["code"].as_str().unwrap().to_string(),
        }
    }

    pub async fn join(&self, code: &str, name: &str, group: &str) -> Joined {
        let (status, body) = self
            .post_json(
                "/api/join",
                None,
                json!({ "code": code, "name": name, "group": group }),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        Joined {
            id: body["participant"].as_str().unwrap().to_string(),
            token: body["token"].as_str().unwrap().to_string(),
            admitted: body["admitted"].as_bool().unwrap(),
        }
    }

    /// A facilitator command through the JSON API; panics unless it succeeds.
    pub async fn command(&self, session: &str, command: Value) -> u64 {
        let (status, body) = self.try_command(session, command).await;
        assert_eq!(status, 200, "{body}");
        body["seq"].as_u64().unwrap()
    }

    pub async fn try_command(&self, session: &str, command: Value) -> (u16, Value) {
        self.post_json(
            &format!("/api/sessions/{session}/commands"),
            Some(KEY),
            command,
        )
        .await
    }

    pub async fn state(&self, session: &str) -> Value {
        let (status, body) = self
            .get_json(&format!("/api/sessions/{session}"), Some(KEY))
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    pub async fn transcript(&self, session: &str) -> String {
        let response = self
            .http
            .get(self.url(&format!("/api/sessions/{session}/transcript")))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.text().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, key: Option<&str>, body: Value) -> (u16, Value) {
        self.post_raw(path, key, body.to_string()).await
    }

    pub async fn post_raw(&self, path: &str, key: Option<&str>, body: String) -> (u16, Value) {
        let mut request = self
            .http
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body);
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// A PDF asked for with the facilitator key: its `Content-Disposition`
    /// and bytes, after checking it came back as one.
    pub async fn pdf(&self, path: &str) -> (String, Vec<u8>) {
        let response = self
            .http
            .get(self.url(path))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let disposition = response.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_string();
        let bytes = response.bytes().await.unwrap().to_vec();
        assert!(bytes.starts_with(b"%PDF"), "{path}");
        (disposition, bytes)
    }

    /// A new review link for `series` (`{"id","url","token","expires"}`).
    pub async fn review_link(&self, series: &str) -> Value {
        let (status, link) = self
            .post_json(
                &format!("/api/series/{series}/review-links"),
                Some(KEY),
                json!({}),
            )
            .await;
        assert_eq!(status, 201, "{link}");
        link
    }

    pub async fn get_json(&self, path: &str, key: Option<&str>) -> (u16, Value) {
        let mut request = self.http.get(self.url(path));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Joins one person and admits them if the session has a lobby.
    pub async fn admitted(&self, session: &Created, name: &str, group: &str) -> Joined {
        let joined = self.join(&session.code, name, group).await;
        if !joined.admitted {
            self.command(
                &session.id,
                json!({ "type": "admit", "participant": joined.id }),
            )
            .await;
        }
        joined
    }

    /// Joins `n` people of a group and admits them, returning their connected phones.
    pub async fn phones(&self, session: &Created, group: &str, n: usize) -> Vec<Socket> {
        let mut phones = Vec::new();
        for i in 0..n {
            let joined = self
                .admitted(session, &format!("{group} member {i}"), group)
                .await;
            phones.push(Socket::participant(self, &session.id, &joined).await);
        }
        phones
    }
}

/// A websocket client with typed helpers.
pub struct Socket {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    pub token: Option<String>,
    next_client_id: u64,
}

impl Socket {
    pub async fn participant(app: &TestApp, session: &str, joined: &Joined) -> Socket {
        let url = format!("ws://{}/ws/{session}?token={}", app.addr, joined.token);
        let (ws, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("participant socket opens");
        Socket {
            ws,
            token: Some(joined.token.clone()),
            next_client_id: 0,
        }
    }

    pub async fn staff(app: &TestApp, session: &str, role: &str) -> Socket {
        let mut request = format!("ws://{}/ws/{session}?role={role}", app.addr)
            .into_client_request()
            .unwrap();
        request
            .headers_mut()
            .insert("authorization", format!("Bearer {KEY}").parse().unwrap());
        let (ws, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("staff socket opens");
        Socket {
            ws,
            token: None,
            next_client_id: 0,
        }
    }

    pub async fn ping(&mut self, payload: &'static [u8]) {
        self.ws.send(Message::Ping(payload.into())).await.unwrap();
    }

    /// The next message of any kind, as the client library decoded it.
    pub async fn next_message(&mut self) -> Message {
        tokio::time::timeout(WAIT, self.ws.next())
            .await
            .expect("a message within the wait")
            .expect("the socket is open")
            .expect("a well-formed message")
    }

    /// Reads on after a close frame until the connection ends: `None` when
    /// it ended cleanly, else the I/O error it ended with (a reset).
    pub async fn connection_end(&mut self) -> Option<std::io::ErrorKind> {
        loop {
            let next = tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("the connection ends within the wait");
            match next {
                None => return None,
                Some(Ok(_)) => continue,
                Some(Err(tokio_tungstenite::tungstenite::Error::Io(e))) => return Some(e.kind()),
                Some(Err(_)) => return None,
            }
        }
    }

    pub async fn send_text(&mut self, text: impl Into<String>) {
        self.ws.send(Message::text(text.into())).await.unwrap();
    }

    /// The next JSON text message, skipping pings.
    pub async fn next_json(&mut self) -> Value {
        self.next_json_by(tokio::time::Instant::now() + WAIT).await
    }

    /// The next JSON text message before `deadline`; pings do not extend it.
    async fn next_json_by(&mut self, deadline: tokio::time::Instant) -> Value {
        loop {
            let message = tokio::time::timeout_at(deadline, self.ws.next())
                .await
                .expect("a message within the wait")
                .expect("the socket is open")
                .expect("a readable message");
            match message {
                Message::Text(text) => return serde_json::from_str(&text).unwrap(),
                Message::Close(frame) => panic!("socket closed: {frame:?}"),
                _ => continue,
            }
        }
    }

    /// Reads until a message matches, within one overall wait; returns it.
    pub async fn wait_for(&mut self, what: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let message = self.next_json_by(deadline).await;
            if what(&message) {
                return message;
            }
        }
    }

    /// The next ack or error, skipping views.
    pub async fn reply(&mut self) -> Value {
        self.wait_for(|m| m["type"] == "ack" || m["type"] == "error")
            .await
    }

    /// Sends a command with a fresh client id and returns its ack or error.
    pub async fn command(&mut self, mut command: Value) -> Value {
        self.next_client_id += 1;
        let client_id = format!("c{}", self.next_client_id);
        command["client_id"] = json!(client_id);
        self.send_text(command.to_string()).await;
        let reply = self.reply().await;
        assert_eq!(
            reply["client_id"],
            json!(client_id),
            "replies come in order: {reply}"
        );
        reply
    }

    pub async fn vote(&mut self, activity: &str, ballot: Value) -> Value {
        self.command(json!({ "type": "vote", "activity": activity, "ballot": ballot }))
            .await
    }

    /// Waits for a view whose seq has reached `seq`.
    pub async fn view_at_least(&mut self, seq: u64) -> Value {
        self.wait_for(|m| m["type"] == "view" && m["seq"].as_u64().unwrap_or(0) >= seq)
            .await
    }

    pub async fn close(mut self) {
        let _ = self.ws.close(None).await;
    }
}

/// Asserts a reply is an ack and returns its seq.
pub fn acked(reply: &Value) -> u64 {
    assert_eq!(reply["type"], "ack", "expected an ack: {reply}");
    reply["seq"].as_u64().unwrap()
}

/// Asserts a reply is an error with this code.
pub fn refused(reply: &Value, code: &str) {
    assert_eq!(reply["type"], "error", "expected a refusal: {reply}");
    assert_eq!(reply["error"]["code"], code, "{reply}");
    assert!(reply["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
}

/// Dots totals of one group from the state JSON.
pub fn totals(state: &Value, activity: &str, group: &str) -> Value {
    let a = state["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == activity)
        .unwrap();
    a["results"][group].clone()
}

impl TestApp {
    /// A client for a server running elsewhere (the real binary).
    pub fn remote(addr: String) -> TestApp {
        TestApp {
            addr,
            http: reqwest::Client::new(),
            shutdown: CancellationToken::new(),
            done: None,
        }
    }
}

/// A server built from a config the test adjusts first.
pub async fn spawn_app_with(
    data_dir: &Path,
    adjust: impl FnOnce(&mut Config),
) -> (TestApp, String) {
    let mut config = Config::new(data_dir.to_path_buf());
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.workshops_dir = workshops_dir();
    config.admin_key = Some(KEY.into());
    adjust(&mut config);
    let app = Application::build(config).await.expect("server starts");
    let addr = app.local_addr().to_string();
    let key = app.admin_key().to_string();
    let shutdown = app.shutdown_token();
    let done = tokio::spawn(async move {
        app.run().await.expect("server runs");
    });
    let test_app = TestApp {
        addr,
        http: reqwest::Client::new(),
        shutdown,
        done: Some(done),
    };
    (test_app, key)
}

impl Socket {
    /// Reads until the server closes the socket; returns the close code.
    pub async fn close_code(&mut self) -> Option<u16> {
        loop {
            let message = tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("a message within the wait");
            match message {
                Some(Ok(Message::Close(frame))) => return frame.map(|f| f.code.into()),
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return None,
            }
        }
    }
}

impl TestApp {
    /// The whole `/metrics` text.
    pub async fn metrics_text(&self) -> String {
        let response = self.http.get(self.url("/metrics")).send().await.unwrap();
        response.text().await.unwrap()
    }

    /// A page's HTML, asked for with the facilitator key.
    /// A page or file fetched with the key; panics unless it is served (so
    /// a test that reads it for what is absent cannot pass on an error page).
    pub async fn page(&self, path: &str) -> String {
        let response = self
            .http
            .get(self.url(path))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    /// One value from `/metrics`.
    pub async fn metric(&self, name: &str) -> f64 {
        let text = self.metrics_text().await;
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
            .unwrap_or_else(|| panic!("{name} not in /metrics"))
    }
}

/// An activity of a session state, by id.
pub fn activity<'a>(state: &'a Value, id: &str) -> &'a Value {
    state["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap()
}

impl TestApp {
    /// A session's `votes.csv`, as the review page serves it.
    pub async fn votes_csv(&self, session: &str) -> String {
        self.http
            .get(self.url(&format!("/review/{session}/votes.csv")))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

/// Every file under `dir` whose bytes contain `text`.
pub fn files_containing(dir: &Path, text: &str) -> Vec<String> {
    walk_files(dir)
        .into_iter()
        .filter(|path| {
            std::fs::read(path)
                .unwrap()
                .windows(text.len())
                .any(|w| w == text.as_bytes())
        })
        .map(|path| path.display().to_string())
        .collect()
}

/// `PUT /api/sessions/{id}/script` with the key: the status and the body.
pub async fn put_script(app: &TestApp, session: &str, script: &Value) -> (u16, Value) {
    let response = app
        .http
        .put(app.url(&format!("/api/sessions/{session}/script")))
        .bearer_auth(KEY)
        .json(script)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The PDF as poppler reads it: its `pdfinfo` and its text in reading order.
pub fn pdf_facts(pdf: &[u8], name: &str) -> (String, String) {
    let shots = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let path = shots.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program)
            .args(args)
            .arg(&path)
            .args(if program == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap_or_else(|e| panic!("{program} (poppler-utils; scripts/test installs it): {e}"));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    // Pages as pictures too, to be looked at.
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&path)
        .arg(shots.join(name))
        .status();
    (run("pdfinfo", &[]), run("pdftotext", &[]))
}

/// How many pages `pdfinfo` says a PDF has.
pub fn pdf_pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo gives the pages")
        .trim()
        .parse()
        .unwrap()
}

/// Every file under `dir`.
pub fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}
