//! The bad-input corpus (tests/bad, built by tests/bad/make_corpus.py): every
//! entry of tests/bad/manifest.tsv runs through the real binary and must end
//! as documented — exit code 2 with the exact Chinese message on stderr, or,
//! for odd but readable input, exit code 0/1 with the listed findings — and
//! never with a panic, a hang, or an output file left behind by a failure.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous for a debug build on a busy machine; a hang is what it catches.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Content of the file that `{existing}` names; it must survive every run
/// that does not pass --force.
const EXISTING: &str = "旧内容";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

/// `{tables}`: the shipped table declarations and an empty rule set, so a
/// run reads against the real tables without parsing every rule file.
fn tables_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for f in ["rules/tables.rules", "tests/bad/tables-only/语料.rules"] {
            let from = root.join(f);
            std::fs::copy(&from, d.path().join(from.file_name().unwrap())).unwrap();
        }
        d
    })
    .path()
}

#[derive(Debug)]
struct Case {
    id: String,
    args: String,
    exit: i32,
    expect: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus().join("manifest.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let mut next = || {
                f.next()
                    .unwrap_or_else(|| panic!("short line: {l}"))
                    .to_string()
            };
            let (id, args, exit) = (next(), next(), next());
            Case {
                id,
                args,
                exit: exit
                    .parse()
                    .unwrap_or_else(|_| panic!("bad exit code: {l}")),
                expect: f.map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Messages are wrapped and framed by the terminal renderer; compare them
/// without white space and frame characters.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // An ANSI sequence: ESC [ … letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if !(c.is_whitespace() || c == '│' || c == '×') {
            out.push(c);
        }
    }
    out
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

fn run(args: &[String]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .current_dir(corpus())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start jicai");
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).ok();
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = pipe(Box::new(child.stdout.take().unwrap()));
    let err = pipe(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break (Some(s), false);
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.and_then(|s| s.code()),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        timed_out,
    }
}

/// Runs one case; returns what went wrong, if anything.
fn check(case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let existing = dir.path().join("existing.json");
    std::fs::write(&existing, EXISTING).unwrap();
    let fill = |s: &str| {
        s.replace("{out}", &format!("{d}/out"))
            .replace("{existing}", &existing.display().to_string())
            .replace("{outdir}", &d)
            .replace("{tables}", &tables_dir().display().to_string())
    };
    let args: Vec<String> = case.args.split(' ').map(fill).collect();
    let r = run(&args);
    let mut problems = Vec::new();
    if r.timed_out {
        problems.push(format!("did not finish within {TIMEOUT:?}"));
    }
    if r.code != Some(case.exit) {
        problems.push(format!("exit code {:?}, expected {}", r.code, case.exit));
    }
    for panic in [
        "panicked",
        "stack backtrace",
        "RUST_BACKTRACE",
        "overflowed its stack",
    ] {
        if r.stderr.contains(panic) {
            problems.push(format!("panic text on stderr ({panic})"));
        }
    }
    let mut outputs: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &existing)
        .collect();
    outputs.sort();
    if outputs
        .iter()
        .any(|p| p.display().to_string().contains(".jicai-"))
    {
        problems.push(format!("temporary file left behind: {outputs:?}"));
    }
    let forced = case.args.contains("--force");
    let kept = std::fs::read_to_string(&existing).unwrap_or_default();
    if !forced && kept != EXISTING {
        problems.push(format!("{{existing}} was changed to {kept:?}"));
    }
    let haystack = if case.exit == 2 {
        if !outputs.is_empty() {
            problems.push(format!("a failed run left output: {outputs:?}"));
        }
        r.stderr.clone()
    } else if let Some(out) = outputs.first() {
        String::from_utf8_lossy(&std::fs::read(out).unwrap()).into_owned()
    } else if forced {
        kept
    } else {
        if case.args.contains("{out}") {
            problems.push("no output file written".into());
        }
        r.stdout.clone()
    };
    let hay = normalize(&haystack);
    for e in &case.expect {
        let (absent, text) = match e.strip_prefix('!') {
            Some(t) => (true, t),
            None => (false, e.as_str()),
        };
        let want = normalize(&fill(text));
        if hay.contains(&want) == absent {
            let what = if absent {
                "must not contain"
            } else {
                "missing"
            };
            problems.push(format!("{what}: {text}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let shown: String = haystack.chars().take(3000).collect();
    Err(format!(
        "── {} (jicai {})\n   {}\n   output:\n{shown}",
        case.id,
        args.join(" "),
        problems.join("\n   ")
    ))
}

#[test]
fn every_corpus_entry_fails_as_documented() {
    let cases = cases();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    if let Err(e) = check(case) {
                        failures.lock().unwrap().push(e);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} corpus entries failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// At least 40 inputs, each used by an entry: no file sits in the corpus
/// without the outcome it must give.
#[test]
fn every_corpus_file_has_an_entry() {
    let cases = cases();
    let mut files = Vec::new();
    let mut stack = vec![corpus()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p.strip_prefix(corpus()).unwrap().display().to_string());
            }
        }
    }
    files.retain(|f| f != "manifest.tsv" && f != "make_corpus.py");
    assert!(files.len() >= 40, "only {} corpus files", files.len());
    let named = |f: &str| {
        let mut prefixes = vec![f];
        let mut rest = f;
        while let Some((parent, _)) = rest.rsplit_once('/') {
            prefixes.push(parent);
            rest = parent;
        }
        // tables-only/ stands behind every {tables}.
        let tables =
            f.starts_with("tables-only/") && cases.iter().any(|c| c.args.contains("{tables}"));
        tables
            || cases.iter().any(|c| {
                prefixes
                    .iter()
                    .any(|p| c.id == *p || c.args.split(' ').any(|a| a == *p))
            })
    };
    let orphans: Vec<&String> = files.iter().filter(|f| !named(f)).collect();
    assert!(
        orphans.is_empty(),
        "corpus files without an entry: {orphans:?}"
    );
}
