#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| jicai_fuzz::workbook(data));
