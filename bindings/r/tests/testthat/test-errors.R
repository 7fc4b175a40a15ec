# A pbp_error names the call the user made (conditionCall), not the package's plumbing: not
# jsonlite::fromJSON(...) reading an answer, not .value(.Call(...)), not a helper checking an
# argument.

call_of <- function(expr) tryCatch(expr, pbp_error = function(e) conditionCall(e))

test_that("errors carry the exported function's call", {
  m <- small()
  expect_identical(call_of(pbp_decides(m, "fn", "nope")), quote(pbp_decides(m, "fn", "nope")))
  expect_identical(call_of(pbp_fair_shares(m, 1000, "place")), quote(pbp_fair_shares(m, 1000, "place")))
  expect_identical(call_of(pbp_decides(m, 1, "p1")), quote(pbp_decides(m, 1, "p1")))
  expect_identical(call_of(pbp_authority(m, "fn", "p1", "1.005")), quote(pbp_authority(m, "fn", "p1", "1.005")))
  expect_identical(call_of(pbp_decides_table(m, "nofn")), quote(pbp_decides_table(m, "nofn")))
  expect_identical(call_of(pbp_decides("not a model", "fn", "p1")), quote(pbp_decides("not a model", "fn", "p1")))
  expect_identical(call_of(pbp_money("1.005")), quote(pbp_money("1.005")))
  expect_identical(call_of(pbp_allocate(1, c(1, 1))), quote(pbp_allocate(1, c(1, 1))))
  expect_identical(call_of(pbp::pbp_load(42)), quote(pbp::pbp_load(42)))
  # Called from the user's own function: still the pbp call itself.
  mine <- function(node) pbp_accountability(m, node)
  expect_identical(call_of(mine("nobody")), quote(pbp_accountability(m, node)))
})

test_that("money's methods are named by their generic", {
  x <- pbp_money(c("0.10", "0.20"))
  expect_identical(call_of(x * 1.5), quote(x * 1.5))
  expect_identical(call_of(x / 2L), quote(x / 2L))
  expect_identical(call_of(cumprod(x)), quote(cumprod(x)))
  expect_identical(call_of(as.double(x)), quote(as.double(x)))
  expect_identical(call_of(x == 1.5), quote(x == 1.5))
  top <- pbp_money("1701411834604692317316873037158841057.27")
  expect_identical(call_of(top + "0.01")[[1]], as.name("+"))
})

test_that("messages speak R, not the C API", {
  # A refused model: R users pass force = TRUE, not the C flag PBP_FORCE.
  m <- pbp_load(data_file("with_errors.json"))
  e <- expect_error(pbp_accountability(m, "icb"), class = "pbp_error")
  expect_match(conditionMessage(e), "pass force = TRUE", fixed = TRUE)
  expect_false(grepl("PBP_FORCE", conditionMessage(e), fixed = TRUE))
  e <- expect_error(pbp_decides_table(m, "fn", "p1"), class = "pbp_error")
  expect_match(conditionMessage(e), "pass force = TRUE", fixed = TRUE)
  # Money errors name the R argument, not pbp_money_parse's parameter "text".
  msg <- function(expr) tryCatch(expr, pbp_error = function(e) conditionMessage(e))
  expect_identical(msg(pbp_money("1.005")),
                   "x must be an amount such as 1234.50 (at most two decimal places), not '1.005'")
  expect_match(msg(pbp_money("1701411834604692317316873037158841057.28")), "^x '1701411834604692317316873037158841057.28' is out of range")
  expect_match(msg(pbp_money_display("1,000")), "^x must be an amount")
  expect_match(msg(pbp_money_round("1.001", 1)), "^x must be an amount")
  x <- pbp_money(c("1.00", "2.00"))
  expect_match(msg(x[1] <- "1.001"), "^value must be an amount")
  expect_match(msg(x == "1.001"), "^money must be an amount")
  expect_match(msg(c(x, "abc")), "^money must be an amount")
  expect_match(msg(pbp_money(1.5)), "^x must be character such as \"1234.50\", never a double")
  expect_match(msg(pbp_authority(small(), "fn", "p1", "1.005")), "^amount must be an amount")
  for (m in list(msg(pbp_money("1.005")), msg(x == "1.001"), msg(pbp_money_round("1.001", 1))))
    expect_false(startsWith(m, "text "))
})
