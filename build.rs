//! Rebuilds the binary when a file under `static/` changes: the pages'
//! style and scripts are compiled in (`include_dir!`), and cargo does not
//! otherwise see them.

fn main() {
    println!("cargo:rerun-if-changed=static");
}
