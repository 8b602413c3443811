//! Merging participants' 分计划 into the 总计划.
