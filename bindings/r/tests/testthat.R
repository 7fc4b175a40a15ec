library(testthat)
library(pbp)
test_check("pbp")
