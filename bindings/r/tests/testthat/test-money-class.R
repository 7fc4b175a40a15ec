# pbp_money: an exact money vector. Expectations by hand; sums and comparisons beyond what a
# double holds exactly (2^53 pence is about 90 trillion pounds) show that no double is involved.

test_that("pbp_money is made by the library's strict parser and prints as money", {
  x <- pbp_money(c("1.1", "-2.5", NA, "0"))
  expect_s3_class(x, "pbp_money")
  expect_identical(length(x), 4L)
  expect_identical(as.character(x), c("1.10", "-2.50", NA, "0.00"))
  expect_identical(format(x), c(" 1.10", "-2.50", "   NA", " 0.00"))
  expect_identical(format(x[1:2], display = TRUE), c(" £1.10", "-£2.50"))
  expect_output(print(x), "<pbp_money\\[4\\]>")
  expect_output(print(x), "-2.50")
  expect_error(pbp_money("1.005"), class = "pbp_error")
  expect_error(pbp_money(1.5), "never a double", class = "pbp_error")
  expect_error(as.double(x), "never a double", class = "pbp_error")
  expect_identical(pbp_money(x), x)
  expect_identical(as.character(pbp_money(7L)), "7.00")
})

test_that("subsetting, combining and replacing keep the class", {
  x <- pbp_money(c("1.00", "2.00", "3.00"))
  expect_s3_class(x[2:3], "pbp_money")
  expect_identical(as.character(x[2:3]), c("2.00", "3.00"))
  expect_s3_class(x[[1]], "pbp_money")
  y <- c(x, "4.5", pbp_money("5"))
  expect_s3_class(y, "pbp_money")
  expect_identical(as.character(y), c("1.00", "2.00", "3.00", "4.50", "5.00"))
  x[2] <- "9.99"
  expect_identical(as.character(x), c("1.00", "9.99", "3.00"))
  expect_error(x[1] <- 1.5, "never a double", class = "pbp_error")
  expect_identical(as.character(rep(pbp_money("0.01"), 3)), rep("0.01", 3))
})

test_that("sums are exact, beyond a double's 2^53", {
  # 2^53 pence = 90071992547409.92 pounds: as doubles of pence, + 1 penny is lost.
  big <- pbp_money(c("90071992547409.92", "0.01", "0.01"))
  expect_identical(as.character(sum(big)), "90071992547409.94")
  expect_identical(as.character(sum(pbp_money(c("0.10", "0.20")))), "0.30")
  expect_true(sum(pbp_money(c("0.10", "0.20"))) == "0.30")
  expect_identical(as.character(sum(pbp_money(c("1.00", NA)))), NA_character_)
  expect_identical(as.character(sum(pbp_money(c("1.00", NA)), na.rm = TRUE)), "1.00")
  expect_identical(as.character(sum(pbp_money(character()))), "0.00")
  expect_identical(as.character(sum(pbp_money("1.00"), pbp_money("2.00"))), "3.00")
  # The library's range is 2^127 - 1 pence; beyond it is an error, never a wrong number.
  top <- pbp_money("1701411834604692317316873037158841057.27")
  expect_identical(as.character(sum(top, pbp_money("-0.27"))), "1701411834604692317316873037158841057.00")
  expect_identical(expect_error(sum(top, pbp_money("0.01")), class = "pbp_error")$status, "PBP_ERR_OVERFLOW")
  expect_identical(as.character(-top), "-1701411834604692317316873037158841057.27")
})

test_that("comparisons, arithmetic and order are exact", {
  a <- pbp_money(c("90071992547409.93", "90071992547409.92", "-0.01", NA))
  b <- pbp_money("90071992547409.92")
  expect_identical(a == b, c(FALSE, TRUE, FALSE, NA))
  expect_identical(a > b, c(TRUE, FALSE, FALSE, NA))
  expect_identical(a < "0", c(FALSE, FALSE, TRUE, NA))
  expect_identical(a != b, c(TRUE, FALSE, TRUE, NA))
  expect_identical(as.character(a - b), c("0.01", "0.00", "-90071992547409.93", NA))
  expect_identical(as.character(a[1:2] + "0.01"), c("90071992547409.94", "90071992547409.93"))
  expect_error(a / 2L, "not defined for money", class = "pbp_error")
  expect_error(a == 1.5, "never a double", class = "pbp_error")
  x <- pbp_money(c("10.00", "-2.00", "0.00", "-10.50", "9.99", "100.00"))
  expect_identical(as.character(sort(x)), c("-10.50", "-2.00", "0.00", "9.99", "10.00", "100.00"))
  expect_identical(order(x), c(4L, 2L, 3L, 5L, 1L, 6L))
  expect_identical(as.character(max(x)), "100.00")
  expect_identical(as.character(min(x)), "-10.50")
  expect_identical(as.character(range(x)), c("-10.50", "100.00"))
  expect_identical(as.character(unique(pbp_money(c("1", "1.00", "2")))), c("1.00", "2.00"))
})

test_that("a pbp_money column lives in a data frame", {
  df <- data.frame(area = c("a", "b"), amount = pbp_money(c("1.50", "2.25")), stringsAsFactors = FALSE)
  expect_s3_class(df$amount, "pbp_money")
  expect_identical(as.character(sum(df$amount)), "3.75")
  expect_s3_class(df[2, "amount"], "pbp_money")
  expect_s3_class(df[df$amount > "2", ]$amount, "pbp_money")
  expect_output(print(df), "2.25")
  df2 <- rbind(df, data.frame(area = "c", amount = pbp_money("0.25")))
  expect_identical(as.character(df2$amount), c("1.50", "2.25", "0.25"))
  expect_identical(as.character(df[order(df$amount, decreasing = TRUE), "amount"]), c("2.25", "1.50"))
})

test_that("sums survive the garbage collector running at every allocation (gctorture)", {
  # r_money_sum once passed its fresh answer unprotected to a routine that allocates: under
  # gctorture the NA of sum(c("1.00", NA)) came back as "0".
  y <- pbp_money(c("1.00", NA))
  z <- pbp_money(c("1.00", "2.05"))
  gctorture(TRUE)
  s <- sum(y)
  t <- sum(z)
  gctorture(FALSE)
  expect_identical(unclass(s), NA_character_)
  expect_identical(unclass(t), "3.05")
})

test_that("the Math group keeps money exact or refuses it", {
  x <- pbp_money(c("0.10", "-0.20", "0.30"))
  # cumsum: exact running totals (0.1 + 0.2 is not 0.3 in doubles), NA from the first NA on.
  expect_s3_class(cumsum(x), "pbp_money")
  expect_identical(as.character(cumsum(x)), c("0.10", "-0.10", "0.20"))
  expect_identical(as.character(cumsum(pbp_money(c("0.10", "0.20")))), c("0.10", "0.30"))
  # Registered, so that code outside the package (here the global environment) gets it too.
  outside <- eval(quote(cumsum(pbp::pbp_money(c("0.10", "0.20")))), globalenv())
  expect_s3_class(outside, "pbp_money")
  expect_identical(as.character(cumsum(pbp_money(c("90071992547409.92", "0.01", "0.01")))),
                   c("90071992547409.92", "90071992547409.93", "90071992547409.94"))
  expect_identical(as.character(cumsum(pbp_money(c("1.00", NA, "2.00")))), c("1.00", NA, NA))
  expect_identical(as.character(cumsum(pbp_money(character()))), character())
  top <- pbp_money("1701411834604692317316873037158841057.27")
  expect_identical(expect_error(cumsum(c(top, "0.01")), class = "pbp_error")$status, "PBP_ERR_OVERFLOW")
  # abs and sign: exact; sign is an integer, not money.
  expect_s3_class(abs(x), "pbp_money")
  expect_identical(as.character(abs(pbp_money(c("-0.20", "0", "3", NA)))), c("0.20", "0.00", "3.00", NA))
  expect_identical(sign(pbp_money(c("-0.20", "0", "3", NA))), c(-1L, 0L, 1L, NA))
  # cummax and cummin by exact comparison (these two differ by a penny beyond 2^53 pence).
  big <- pbp_money(c("90071992547409.92", "90071992547409.93", "-1.00", "90071992547409.92", NA, "5.00"))
  expect_s3_class(cummax(big), "pbp_money")
  expect_identical(as.character(cummax(big)),
                   c("90071992547409.92", "90071992547409.93", "90071992547409.93", "90071992547409.93", NA, NA))
  expect_identical(as.character(cummin(big)),
                   c("90071992547409.92", "90071992547409.92", "-1.00", "-1.00", NA, NA))
  # The rest would make money a double: refused, naming the user's call; rounding points at
  # pbp_money_round.
  for (f in list(cumprod, sqrt, log, exp, cos, gamma)) {
    e <- expect_error(f(x), "money is exact", class = "pbp_error")
    expect_identical(e$status, "PBP_ERR_INVALID_ARGUMENT")
  }
  e <- expect_error(cumprod(x), "cumprod\\(\\) is not defined for money", class = "pbp_error")
  expect_identical(conditionCall(e), quote(cumprod(x)))
  for (f in list(round, signif, floor, ceiling, trunc))
    expect_error(f(x), "pbp_money_round", class = "pbp_error")
  expect_error(round(x, 1), "pbp_money_round", class = "pbp_error")
})

test_that("cumsum survives the garbage collector running at every allocation (gctorture)", {
  x <- pbp_money(c("1.00", "2.05", NA))
  gctorture(TRUE)
  s <- cumsum(x)
  gctorture(FALSE)
  expect_identical(unclass(s), c("1.00", "3.05", NA))
})

test_that("money serialises as its exact text: jsonlite's toJSON", {
  # toJSON(pbp_balances(...)) was an error: "No method asJSON S3 class: pbp_money".
  b <- pbp_balances(small(), 2023)
  json <- as.character(jsonlite::toJSON(b))
  expect_identical(substr(json, 1, 68), '[{"id":"council","inflow":"0.00","outflow":"300.00","net":"-300.00"}')
  back <- jsonlite::fromJSON(json)
  expect_identical(back$net, as.character(b$net))
  expect_true(all(pbp_money(back$inflow) == b$inflow))
  expect_identical(as.character(jsonlite::toJSON(pbp_money(c("90071992547409.93", NA)))), '["90071992547409.93",null]')
  expect_identical(as.character(jsonlite::toJSON(pbp_decides(small(), "fn", "p1")["limit"], auto_unbox = TRUE)),
                   '{"limit":"100000.00"}')
  expect_identical(class(pbp_money("1")), c("pbp_money", "character"))
  expect_true(is.character(pbp_money("1")))
})

test_that("format pads to one display width, NA too, as docs/r.md shows", {
  d <- format(pbp_money(c("12.3", "-0.05", NA)), display = TRUE)
  expect_identical(d, c("£12.30", "-£0.05", "    NA"))
  expect_identical(unique(nchar(d, type = "width")), 6L)
  expect_identical(format(pbp_money(c("12.3", "-0.05", NA))), c("12.30", "-0.05", "   NA"))
  expect_identical(format(pbp_money(c("1.1", "-22.5")), display = TRUE), c("  £1.10", "-£22.50"))
})

test_that("recycling money of lengths that do not fit warns, as base R does", {
  a <- pbp_money(c("1.00", "2.00", "3.00"))
  b <- pbp_money(c("0.10", "0.20"))
  expect_warning(s <- a + b, "longer object length is not a multiple of shorter object length", fixed = TRUE)
  expect_identical(as.character(s), c("1.10", "2.20", "3.10"))
  expect_warning(a - b, "not a multiple")
  expect_warning(a == b, "not a multiple")
  expect_warning(a < b, "not a multiple")
  w <- tryCatch(a + b, warning = function(w) w)
  expect_identical(conditionCall(w), quote(a + b))
  expect_silent(a + b[1])
  expect_silent(c(a, a[1]) - c(b, b))
  expect_silent(a + pbp_money(character()))
})

test_that("money multiplies by whole numbers, exactly", {
  # As Python's Money * int (SPEC 4.3): 2^53 pence times 3 is beyond a double's exact range.
  big <- pbp_money("90071992547409.93")
  expect_identical(as.character(big * 3L), "270215977642229.79")
  expect_identical(as.character(3 * big), "270215977642229.79")
  x <- pbp_money(c("0.10", "-1.25", NA))
  expect_s3_class(x * 2, "pbp_money")
  expect_identical(as.character(x * 2), c("0.20", "-2.50", NA))
  expect_identical(as.character(x * -3L), c("-0.30", "3.75", NA))
  expect_identical(as.character(x * 0), c("0.00", "0.00", NA))
  expect_identical(as.character(x * c(1L, NA, 2L)), c("0.10", NA, NA))
  expect_identical(as.character(x[1:2] * c(1, 2)), c("0.10", "-2.50"))
  expect_identical(as.character(pbp_money("0.01") * 2^53), "90071992547409.92")
  expect_warning(x * c(1, 2), "not a multiple")
  # Not by fractions, money, text or huge doubles; beyond the range is an error, never a wrong number.
  for (k in list(1.5, 0.1, 2^53 + 2, Inf, "2", TRUE, pbp_money("2")))
    expect_error(x * k, class = "pbp_error")
  expect_error(x * 1.5, "whole numbers only", class = "pbp_error")
  top <- pbp_money("1701411834604692317316873037158841057.27")
  expect_identical(expect_error(top * 2L, class = "pbp_error")$status, "PBP_ERR_OVERFLOW")
  expect_identical(as.character(top * -1L), "-1701411834604692317316873037158841057.27")
  gctorture(TRUE)
  y <- x * 2L
  gctorture(FALSE)
  expect_identical(unclass(y), c("0.20", "-2.50", NA))
})
