//! Gives the shared library its SONAME, as the C++ driver's: `libscylla-cpp-driver.so.2`.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libscylla-cpp-driver.so.2");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
