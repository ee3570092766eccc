//! Generates `include/cassandra.h` and `include/dse.h` from the library's Rust sources with the
//! pinned cbindgen of this crate's Cargo.toml.
//!
//! `cassandra.h` comes from every module under `src/` except `src/dse/`; `dse.h` from `src/dse/`.
//! Settings: `cbindgen.toml` and `cbindgen-dse.toml`.
//!
//! Usage: `cargo run -p headergen [-- --check]`. With `--check`, nothing is written and the exit
//! status is 1 when a committed header differs from what the sources generate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The module roots under `dir`, in the order `lib.rs` declares them (which is cassandra.h's
/// section order, so the header comes out in upstream's order): `name.rs` or `name/mod.rs`.
/// cbindgen follows `mod` declarations from a root, so sub-modules are not listed again.
fn module_roots(dir: &Path) -> Vec<PathBuf> {
    let lib = std::fs::read_to_string(dir.join("lib.rs")).expect("read src/lib.rs");
    lib.lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(|name| {
            let file = dir.join(format!("{name}.rs"));
            if file.exists() {
                file
            } else {
                dir.join(name).join("mod.rs")
            }
        })
        .collect()
}

fn generate(root: &Path, config: &str, files: &[PathBuf]) -> String {
    let config = cbindgen::Config::from_file(root.join(config)).expect("read cbindgen config");
    let mut builder = cbindgen::Builder::new().with_config(config);
    for file in files {
        builder = builder.with_src(file);
    }
    let mut out = Vec::new();
    builder.generate().expect("cbindgen failed").write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let files = module_roots(&root.join("src"));
    let dse_dir = root.join("src/dse");
    let (dse, core): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.starts_with(&dse_dir));
    let mut status = ExitCode::SUCCESS;
    for (name, config, files) in [("cassandra.h", "cbindgen.toml", &core), ("dse.h", "cbindgen-dse.toml", &dse)] {
        let text = generate(&root, config, files);
        let path = root.join("include").join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!("include/{name} is out of date: run `cargo run -p headergen` and commit it");
                status = ExitCode::FAILURE;
            }
        } else {
            std::fs::write(&path, text).expect("write header");
            println!("wrote include/{name}");
        }
    }
    status
}
