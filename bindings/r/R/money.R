# pbp_money: an exact money vector.
#
# A character vector of the library's normalised money text ("1234.50", "-0.05", NA) with class
# c("pbp_money", "character"). Values are made only by the library's strict parser (pbp_money());
# sums, differences and comparisons are done in C on whole pence in a 128-bit integer
# (src/pbp_r.c), so that money never passes through a double. It prints, formats and sits in a
# data.frame column like any atomic vector. "character" after "pbp_money" says what it is
# underneath, so that code that knows nothing of pbp_money treats it as its exact text: jsonlite's
# toJSON() writes "1234.50" (and null for NA), not an error.

.new_money <- function(text = character()) structure(as.character(text), class = c("pbp_money", "character"))

# Money from anything pbp_money() accepts (or a pbp_money, unchanged); `what` names the argument
# in errors.
.as_money <- function(x, what = "x") {
  if (inherits(x, "pbp_money")) return(x)
  if (is.logical(x) && all(is.na(x))) return(.new_money(rep(NA_character_, length(x))))
  .new_money(.each_money(x, function(v) .value(.Call(C_pbp_r_money_format, .pence(v, what), 0L)), what))
}

# Money text from JSON (NULL = none) as a pbp_money vector: the library wrote it normalised.
.money_col <- function(rows, key) .new_money(vapply(rows, function(r) .chr(r[[key]]), character(1)))

pbp_money <- function(x = character()) .as_money(x, "x")

is_pbp_money <- function(x) inherits(x, "pbp_money")

as.character.pbp_money <- function(x, ...) {
  out <- unclass(x)
  attributes(out) <- NULL
  names(out) <- names(x)
  out
}

format.pbp_money <- function(x, display = FALSE, ...) {
  text <- as.character.pbp_money(x)
  if (isTRUE(display)) {
    ok <- !is.na(text)
    text[ok] <- vapply(text[ok], function(v) .value(.Call(C_pbp_r_money_format, .pence(v, "x"), 1L)), "",
                       USE.NAMES = FALSE)
  }
  text[is.na(text)] <- "NA"
  out <- formatC(text, width = max(0L, nchar(text, type = "width")), flag = " ")
  names(out) <- names(x)
  out
}

print.pbp_money <- function(x, display = FALSE, ...) {
  cat(sprintf("<pbp_money[%d]>\n", length(x)))
  if (length(x)) print(format.pbp_money(x, display = display), quote = FALSE)
  invisible(x)
}

toString.pbp_money <- function(x, ...) toString(as.character.pbp_money(x), ...)

as.data.frame.pbp_money <- function(x, ...) as.data.frame.vector(x, ...)

`[.pbp_money` <- function(x, ...) .new_money(NextMethod())

`[[.pbp_money` <- function(x, ...) .new_money(NextMethod())

`[<-.pbp_money` <- function(x, ..., value) {
  x <- unclass(x)
  x[...] <- unclass(.as_money(value, "value"))
  .new_money(x)
}

`[[<-.pbp_money` <- function(x, ..., value) {
  x <- unclass(x)
  x[[...]] <- unclass(.as_money(value, "value"))
  .new_money(x)
}

c.pbp_money <- function(...) {
  parts <- lapply(list(...), function(e) as.character.pbp_money(.as_money(e, "money")))
  .new_money(unlist(parts, use.names = TRUE))
}

rep.pbp_money <- function(x, ...) .new_money(NextMethod())

unique.pbp_money <- function(x, ...) .new_money(NextMethod())

# Order: sorted by sign, then by number of digits, then digit by digit (exact, no doubles).
xtfrm.pbp_money <- function(x) {
  text <- as.character.pbp_money(x)
  ok <- !is.na(text)
  digits <- gsub("[-.]", "", text)
  digits <- sub("^0+(?=.)", "", digits, perl = TRUE)
  negative <- startsWith(text, "-")
  # Magnitude keys, zero-padded to one width so that text order is numeric order.
  width <- max(c(1L, nchar(digits[ok])))
  key <- ifelse(ok, paste0(strrep("0", pmax(0L, width - nchar(digits))), digits), NA_character_)
  rank <- rep(NA_integer_, length(text))
  if (any(ok)) {
    # Negatives first, largest magnitude first among them; then the rest, smallest first.
    o <- which(ok)
    o <- o[order(!negative[o], ifelse(negative[o], chartr("0123456789", "9876543210", key[o]), key[o]),
                 method = "radix")]
    sorted <- text[o]
    rank[o] <- cumsum(c(TRUE, sorted[-1L] != sorted[-length(sorted)]))
  }
  rank
}

Summary.pbp_money <- function(..., na.rm = FALSE) {
  x <- do.call(c.pbp_money, list(...))
  text <- as.character.pbp_money(x)
  switch(.Generic,
    sum = .new_money(.value(.Call(C_pbp_r_money_sum, text, na.rm))),
    min = , max = , range = {
      if (na.rm) x <- x[!is.na(text)]
      if (anyNA(as.character.pbp_money(x))) {
        return(.new_money(rep(NA_character_, if (.Generic == "range") 2L else 1L)))
      }
      if (!length(x)) stop(.pbp_error(-1L, sprintf("%s() of no money", .Generic)))
      r <- xtfrm.pbp_money(x)
      lo <- x[which.min(r)]
      hi <- x[which.max(r)]
      switch(.Generic, min = lo, max = hi, range = c(lo, hi))
    },
    stop(.pbp_error(-1L, sprintf("%s() is not defined for money", .Generic))))
}

# Recycled as base R recycles, with its warning when the lengths do not fit.
.check_recycling <- function(a, b) {
  if (length(a) && length(b) && max(length(a), length(b)) %% min(length(a), length(b)) != 0L)
    warning(simpleWarning("longer object length is not a multiple of shorter object length", .user_call()))
}

# money * k and k * money for whole numbers k (integer, or double whole and within 2^53, where
# doubles hold every whole number exactly), as Python's Money * int; exact, in C.
.money_times <- function(e1, e2) {
  money <- if (inherits(e1, "pbp_money")) e1 else e2
  k <- if (inherits(e1, "pbp_money")) e2 else e1
  if (inherits(k, "pbp_money"))
    stop(.pbp_error(-1L, "money * money is not defined: multiply money by a whole number"))
  if (!is.numeric(k) || is.object(k) ||
      any(!is.na(k) & (!is.finite(k) | k != trunc(k) | abs(k) > 2^53)))
    stop(.pbp_error(-1L, paste0("money multiplies by whole numbers only (integer, or a double that is whole, up to ",
                                "2^53): money is exact; split it with pbp_allocate()")))
  a <- as.character.pbp_money(money)
  .check_recycling(a, k)
  .new_money(.value(.Call(C_pbp_r_money_times, a, as.double(k))))
}

Ops.pbp_money <- function(e1, e2) {
  if (missing(e2)) {
    if (.Generic == "-") return(.new_money(.value(.Call(C_pbp_r_money_add, "0.00", as.character.pbp_money(e1), -1L))))
    if (.Generic == "+") return(e1)
    stop(.pbp_error(-1L, sprintf("unary %s is not defined for money", .Generic)))
  }
  if (.Generic == "*") return(.money_times(e1, e2))
  a <- as.character.pbp_money(.as_money(e1, "money"))
  b <- as.character.pbp_money(.as_money(e2, "money"))
  .check_recycling(a, b)
  switch(.Generic,
    "+" = .new_money(.value(.Call(C_pbp_r_money_add, a, b, 1L))),
    "-" = .new_money(.value(.Call(C_pbp_r_money_add, a, b, -1L))),
    "==" = , "!=" = , "<" = , "<=" = , ">" = , ">=" = {
      cmp <- .Call(C_pbp_r_money_compare, a, b)
      switch(.Generic, "==" = cmp == 0L, "!=" = cmp != 0L, "<" = cmp < 0L, "<=" = cmp <= 0L,
             ">" = cmp > 0L, ">=" = cmp >= 0L)
    },
    stop(.pbp_error(-1L, sprintf(paste0("%s is not defined for money (add, subtract and compare it, multiply it by a ",
                                        "whole number; split it with pbp_allocate())"), .Generic))))
}

# The Math group: cumsum exact (whole pence, in C); abs, sign, cummax and cummin exact by
# comparison; everything else would make money a double, and is refused.
Math.pbp_money <- function(x, ...) {
  text <- as.character.pbp_money(x)
  keep_names <- function(v) {
    names(v) <- names(x)
    v
  }
  switch(.Generic,
    cumsum = keep_names(.new_money(.value(.Call(C_pbp_r_money_cumsum, text)))),
    abs = keep_names(.new_money(sub("^-", "", text))),
    sign = keep_names(ifelse(is.na(text), NA_integer_, ifelse(startsWith(text, "-"), -1L,
                                                              ifelse(text == "0.00", 0L, 1L)))),
    cummax = , cummin = {
      # Running extreme of the exact ranks (NA from the first NA on, as base R), then the money
      # holding that rank.
      r <- xtfrm.pbp_money(x)
      running <- if (.Generic == "cummax") cummax(r) else cummin(r)
      keep_names(.new_money(text[match(running, r)]))
    },
    round = , signif = , floor = , ceiling = , trunc =
      stop(.pbp_error(-1L, sprintf(paste0("%s() is not defined for money: money is exact, so rounding names its ",
                                          "places and mode: use pbp_money_round(x, places, mode) (modes \"half_even\", ",
                                          "\"half_up\", \"half_down\", \"down\", \"up\", \"floor\", \"ceiling\")"),
                                   .Generic))),
    stop(.pbp_error(-1L, sprintf(paste0("%s() is not defined for money: money is exact and never a double (add, ",
                                        "subtract, compare, sum and cumsum it, multiply it by a whole number; split ",
                                        "it with pbp_allocate())"),
                                 .Generic))))
}

# Money never becomes a double.
as.double.pbp_money <- function(x, ...) {
  stop(.pbp_error(-1L, "money is never a double: use as.character(), or compare and sum it as pbp_money"))
}
as.integer.pbp_money <- as.double.pbp_money
