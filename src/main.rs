//! The `mutual-support` binary: parses the command line and hands over to the library.

/// mimalloc: the finder's pages allocate and free many small strings per request, and an index
/// rebuilt when the data changes frees more than it keeps; mimalloc is quicker at the first and
/// gives memory back to the system after the second, where glibc's allocator keeps it. Built
/// without transparent huge pages (`no_thp`), which would keep whole 2 MB pages resident.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    mutual_support::cli::main()
}
