fn main() -> std::process::ExitCode {
    jicai::cli::main()
}
