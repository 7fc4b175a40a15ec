test_that("allocating 0.10 three ways gives 0.04, 0.03, 0.03", {
  # 3.33p each; one leftover penny; remainders tie, so the earlier position gets it.
  expect_identical(as.character(pbp_allocate("0.10", c(1, 1, 1))), c("0.04", "0.03", "0.03"))
  expect_identical(as.character(pbp_allocate("0.10", c("1", "1", "1"))), c("0.04", "0.03", "0.03"))
})

test_that("allocate by hand", {
  expect_identical(as.character(pbp_allocate("100.00", c(1, 1, 1))), c("33.34", "33.33", "33.33"))
  expect_identical(as.character(pbp_allocate("-0.10", c(1, 1, 1))), c("-0.04", "-0.03", "-0.03"))
  expect_identical(as.character(pbp_allocate("1.00", c("0.5", "0.25", "0.25"))), c("0.50", "0.25", "0.25"))
  expect_identical(as.character(pbp_allocate("0.10", c(1, 2))), c("0.03", "0.07"))       # 3.33p, 6.67p
  expect_identical(as.character(pbp_allocate("0.02", c(1, 1, 1))), c("0.01", "0.01", "0.00"))
  expect_identical(as.character(pbp_allocate(5L, c(0, 3))), c("0.00", "5.00"))
})

test_that("allocate refuses bad weights and double totals", {
  expect_error(pbp_allocate("1.00", c(0, 0)), class = "pbp_error")
  expect_error(pbp_allocate("1.00", c(1, -1)), class = "pbp_error")
  expect_error(pbp_allocate("1.00", c("1", "abc")), class = "pbp_error")
  expect_error(pbp_allocate("1.00", character(0)), class = "pbp_error")
  expect_error(pbp_allocate("1.00", c(1, NA)), class = "pbp_error")
  expect_error(pbp_allocate(1, c(1, 1)), "never a double", class = "pbp_error")
})

test_that("the shares always sum to the total exactly", {
  # Summed as pence in integers (exact for these sizes), never as doubles of pounds.
  pence <- function(x) vapply(strsplit(sub("^-", "", x), ".", fixed = TRUE), function(p)
    as.integer(p[1]) * 100L + as.integer(p[2]), integer(1)) * ifelse(startsWith(x, "-"), -1L, 1L)
  for (total in c("0.00", "0.01", "0.99", "10.01", "1234.57", "99999.99")) {
    for (w in list(c(1, 1, 1), c("3", "0.5", "7", "11"), c("0.001", "1000"), as.character(1:7))) {
      shares <- as.character(pbp_allocate(total, w))
      expect_length(shares, length(w))
      expect_identical(sum(pence(shares)), pence(total))
    }
  }
})

test_that("money parses strictly and prints with two decimals", {
  expect_identical(as.character(pbp_money(c("12.3", "-0.05", "7", "-0", NA))), c("12.30", "-0.05", "7.00", "0.00", NA))
  expect_identical(as.character(pbp_money(12L)), "12.00")
  for (bad in c("12.345", "1e3", "", " 1", "+1", "1.", ".5", "£1", "1,000"))
    expect_error(pbp_money(bad), class = "pbp_error")
  expect_error(pbp_money(0.1), "never a double", class = "pbp_error")
  # The largest amount held is 2^127 - 1 pence; one penny more is out of range.
  expect_identical(as.character(pbp_money("1701411834604692317316873037158841057.27")), "1701411834604692317316873037158841057.27")
  e <- expect_error(pbp_money("1701411834604692317316873037158841057.28"), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_OVERFLOW")
})

test_that("money for people, and rounding with every mode", {
  expect_identical(pbp_money_display(c("1234567.89", "-1234.5")), c("£1,234,567.89", "-£1,234.50"))
  expect_identical(as.character(pbp_money_round("12.35", 1)), "12.40")   # a tie, to the even neighbour
  expect_identical(as.character(pbp_money_round("12.25", 1)), "12.20")
  expect_identical(as.character(pbp_money_round("12.25", 1, "half_up")), "12.30")
  expect_identical(as.character(pbp_money_round("12.25", 1, "half_down")), "12.20")
  expect_identical(as.character(pbp_money_round("-12.39", 1, "down")), "-12.30")
  expect_identical(as.character(pbp_money_round("-12.31", 1, "up")), "-12.40")
  expect_identical(as.character(pbp_money_round("-12.31", 1, "floor")), "-12.40")
  expect_identical(as.character(pbp_money_round("-12.39", 1, "ceiling")), "-12.30")
  expect_identical(as.character(pbp_money_round(c("1.50", "2.50"), 0)), c("2.00", "2.00"))
  expect_error(pbp_money_round("1", 3), class = "pbp_error")
  # places is one whole number 0, 1 or 2: 2.7 was taken as 2, c(0, 1) as 0, NA reached C as INT_MIN.
  for (bad in list(2.7, c(0, 1), NA, NA_integer_, -1L, "2", TRUE, numeric(), Inf))
    expect_error(pbp_money_round("1.25", bad), "places must be 0, 1 or 2 (one whole number)", fixed = TRUE,
                 class = "pbp_error")
  expect_identical(as.character(pbp_money_round("1.25", 1L)), as.character(pbp_money_round("1.25", 1)))
  expect_identical(as.character(pbp_money_round("1.25", 0)), "1.00")
  expect_error(pbp_money_round("1", 1, "bankers"), class = "pbp_error")
})

test_that("numeric weights are whole numbers, exact; fractions are strings", {
  # 1 + 2^-50 was written with 15 significant digits as "1", so the penny's tie went to the first.
  expect_error(pbp_allocate("0.01", c(1, 1 + 2^-50)), "pass weights as strings", class = "pbp_error")
  # 0.1 + 0.2 and 0.3 are different doubles; written with 15 digits they became equal.
  e <- expect_error(pbp_allocate("1.00", c(0.1 + 0.2, 0.3)), "weight 1 is 0.30000000000000004", class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_INVALID_ARGUMENT")
  expect_identical(conditionCall(e), quote(pbp_allocate("1.00", c(0.1 + 0.2, 0.3))))
  expect_identical(as.character(pbp_allocate("1.00", c("0.30", "0.3"))), c("0.50", "0.50"))
  for (bad in list(c(1, Inf), c(1, NaN), c(1, 2^53 + 2), c(1, NA), c("1", NA), TRUE, factor("1"), list(1, 2)))
    expect_error(pbp_allocate("1.00", bad), class = "pbp_error")
  # Whole doubles are written out in full, exactly, up to 2^53 (9007199254740992): the leftover
  # penny goes to the larger remainder, 2^53 - 1 against 1.
  expect_identical(as.character(pbp_allocate("0.01", c(2^53 - 1, 1))), c("0.01", "0.00"))
  expect_identical(as.character(pbp_allocate("0.03", c(2^53, 2^53, 2^53))), c("0.01", "0.01", "0.01"))
  expect_identical(pbp_allocate("0.10", c(1, 1, 1)), pbp_allocate("0.10", c(1L, 1L, 1L)))
  expect_identical(pbp_allocate("0.10", c(-0, 1)), pbp_allocate("0.10", c("0", "1")))
  expect_identical(as.character(pbp_allocate("1.00", c(1e15, 3e15))), c("0.25", "0.75"))
  # Money may be a weight: its text is a decimal.
  expect_identical(as.character(pbp_allocate("3.00", pbp_money(c("1.50", "0.50")))), c("2.25", "0.75"))
})
