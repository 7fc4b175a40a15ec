# A walk-through on the bundled `england` model (England's health and care organisations on the
# real map: 42 ICBs, 7 NHS regions, 153 upper-tier councils, 33,755 LSOAs with their mid-2022
# populations). Three questions an analyst asks, each answered as a data frame.
#
#   Rscript -e 'source(system.file("examples", "england.R", package = "pbp"))'
#
# The package's tests run this file and check its answers against the model itself
# (tests/testthat/test-walkthrough.R). It needs a pbp built with the national models.
library(pbp)

england <- pbp_bundled("england")
print(england)
# The model itself, for names (pbp_export gives the model as JSON).
doc <- jsonlite::fromJSON(pbp_export(england, "json"), simplifyVector = FALSE)
name_of <- unlist(lapply(c(doc$areas, doc$organisations), function(e) stats::setNames(e$name, e$id)))

# -- 1. Which councils must Lancashire and South Cumbria ICB work with? -------------------------
# Every upper-tier council whose people overlap the ICB's footprint (Health and Care Act 2022:
# the ICB and these councils form the integrated care partnership). `whole` says whether the
# council lies entirely inside the ICB; `share` is the part of its people that do.
partners <- pbp_partners(england, "QE1")
cat("\n1. Upper-tier councils overlapping NHS Lancashire and South Cumbria ICB (",
    format(attr(partners, "population"), big.mark = ","), " people):\n", sep = "")
partners$name <- unname(name_of[partners$council])
print(partners[, c("council", "name", "population", "overlap", "share", "whole")], row.names = FALSE)
partly <- partners[!partners$whole, ]
cat(sprintf("%d of them lie only partly inside it: %s\n", nrow(partly), paste(partly$council, collapse = ", ")))

# -- 2. A national budget of £1bn shared among the seven NHS regions by population ---------------
# Exact to the penny: the shares are pbp_money and always sum to the total.
shares <- pbp_fair_shares(england, "1000000000.00", "region")
shares$name <- unname(name_of[shares$area])
cat("\n2. £1,000,000,000.00 shared among the NHS regions by population:\n")
print(shares[order(shares$amount, decreasing = TRUE), c("area", "name", "amount")], row.names = FALSE)
total <- sum(shares$amount)
cat("Sum of the shares:", format(total, display = TRUE), "\n")

# -- 3. Who does each ICB answer to? --------------------------------------------------------------
# The accountability chain of every one of the 42 ICBs, as rows: the shortest way up to an apex.
icbs <- vapply(Filter(function(o) identical(o$kind, "icb"), doc$organisations), function(o) o$id, "")
chains <- pbp_accountability_table(england, icbs)
chains$top <- vapply(chains$chain, function(ch) ch[length(ch)], "")
chains$steps <- lengths(chains$chain) - 1L
cat("\n3. Where the 42 ICBs' accountability ends:\n")
print(table(apex = chains$top, steps = chains$steps))
