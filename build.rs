// The rules and templates are embedded with include_dir, which cargo does not
// track: rebuild when they change, or a dev build keeps stale copies.
fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=templates");
}
