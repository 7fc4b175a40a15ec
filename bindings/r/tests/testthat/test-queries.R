test_that("accountability of a post", {
  # p1.director sits in p1.committee, which belongs to the ICB and answers to icb.board (its
  # delegator). Shortest way up: director, committee, icb, nhse, parliament.
  a <- pbp_accountability(small(), "p1.director")
  expect_identical(a, list(node = "p1.director",
                           chain = c("p1.director", "p1.committee", "icb", "nhse", "parliament"),
                           reachable = c("icb", "icb.board", "nhse", "p1.committee", "parliament"),
                           apexes = "parliament"))
  e <- expect_error(pbp_accountability(small(), "p1.director", as_of = "2023-01-01"), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_NOT_FOUND")
  expect_match(conditionMessage(e), "p1.director")
  expect_identical(pbp_accountability(small(), "icb", as_of = as.Date("2023-01-01"))$chain, c("icb", "nhse", "parliament"))
  expect_error(pbp_accountability(small(), "icb", as_of = "2023-13-01"), class = "pbp_error")
})

test_that("who decides fn at p1 and p2", {
  # icb.board delegates fn to p1.committee (limit 500000.00, may sub-delegate), which delegates it
  # to p1.director (limit 100000.00) from 2023-04-01.
  d <- pbp_decides(small(), "fn", "p1")
  expect_identical(d, list("function" = "fn", place = "p1", holder = "icb", decision_maker = "p1.director",
                           delegation_chain = c("icb.board", "p1.committee", "p1.director"),
                           accountability_chain = c("p1.director", "p1.committee", "icb.board", "icb", "nhse", "parliament"),
                           limit = pbp_money("100000.00")))
  # Money as in the tables: a pbp_money that compares as money, not as text ("100000.00" > "90000"
  # is FALSE between strings).
  expect_s3_class(d$limit, "pbp_money")
  expect_true(d$limit > "90000")
  d2 <- pbp_decides(small(), "fn", "p2")
  expect_identical(d2$decision_maker, "icb")
  expect_identical(d2$limit, pbp_money(NA))
  expect_identical(pbp_decides(small(), "fn", "p1", as_of = "2023-01-01")$decision_maker, "p1.committee")
  expect_identical(expect_error(pbp_decides(small(), "nofn", "p1"), class = "pbp_error")$status, "PBP_ERR_NOT_FOUND")
  expect_identical(expect_error(pbp_decides(small(), "icb", "p1"), class = "pbp_error")$status, "PBP_ERR_INVALID_ARGUMENT")
})

test_that("authority walks back along the chain; money is never a double", {
  m <- small()
  a <- pbp_authority(m, "fn", "p1", "100000")
  expect_identical(a, list("function" = "fn", place = "p1", amount = pbp_money("100000.00"), approver = "p1.director",
                           effective_limit = pbp_money("100000.00"), chain = "p1.director"))
  expect_true(a$effective_limit > "90000" && a$amount == a$effective_limit)
  expect_identical(pbp_authority(m, "fn", "p1", "200000.00")$approver, "p1.committee")
  top <- pbp_authority(m, "fn", "p1", 600000L)
  expect_identical(top$approver, "icb.board")
  expect_identical(top$effective_limit, pbp_money(NA))
  expect_identical(top$amount, pbp_money("600000"))
  expect_error(pbp_authority(m, "fn", "p1", 600000), "never a double", class = "pbp_error")
  expect_error(pbp_authority(m, "fn", "p1", "1.005"), class = "pbp_error")
})

test_that("balances and trace of 2023/24", {
  # nhse -> icb 1000; council -> pool 300; icb -> pool 600; pool -> provider 900.
  # A data frame, one row per node, money as pbp_money; the year is an attribute.
  b <- pbp_balances(small(), "2023/24")
  expect_s3_class(b, "data.frame")
  expect_identical(attr(b, "year"), "2023/24")
  expect_identical(b$id, c("council", "icb", "nhse", "pool", "provider"))
  expect_s3_class(b$inflow, "pbp_money")
  expect_identical(as.character(b$inflow), c("0.00", "1000.00", "0.00", "900.00", "900.00"))
  expect_identical(as.character(b$outflow), c("300.00", "600.00", "1000.00", "900.00", "0.00"))
  expect_identical(as.character(b$net), c("-300.00", "400.00", "-1000.00", "0.00", "900.00"))
  expect_identical(pbp_balances(small(), 2023), b)
  expect_identical(nrow(pbp_balances(small(), "2022/23")), 0L)
  expect_identical(names(pbp_balances(small(), "2022/23")), c("id", "inflow", "outflow", "net"))
  # The pool's 900 is one third the council's, two thirds NHS England's (through the ICB).
  t <- pbp_trace(small(), "provider", "2023/24")
  expect_identical(as.character(attr(t, "total")), "900.00")
  expect_identical(t$source, c("nhse", "council"))
  expect_identical(as.character(t$amount), c("600.00", "300.00"))
  expect_error(pbp_trace(small(), "nobody", "2023/24"), class = "pbp_error")
  expect_error(pbp_balances(small(), "2023/25"), class = "pbp_error")
})

test_that("partitions and boundaries", {
  m <- small()
  # l1 (100, p1, la1), l2 (200, p2, la1), l3 (100, p2, la2): the places cover ics exactly;
  # p1 lies within la1, p2 is cut 200 / 100.
  p <- pbp_partitions(m, "place", "ics")
  expect_true(p$partitions)
  expect_identical(p$whole, "ics")
  expect_identical(p$parts, c("p1", "p2"))
  expect_identical(p$gap, list(leaves = character(), population = 0))
  expect_s3_class(p$overlaps, "data.frame")
  expect_identical(names(p$overlaps), c("areas", "leaves", "population"))
  expect_identical(nrow(p$overlaps), 0L)
  expect_identical(names(p$outside), c("area", "leaves", "population"))
  expect_identical(pbp_partitions(m, "la1", "ics")$gap, list(leaves = "l3", population = 100))
  # la1 = {l1, l2} and p2 = {l2, l3} share l2 (200 people); p2's l3 lies outside la1.
  o <- pbp_partitions(m, c("la1", "p2"), "ics")$overlaps
  expect_identical(o$areas[[1]], c("la1", "p2"))
  expect_identical(o$leaves[[1]], "l2")
  expect_identical(o$population, 200)
  out <- pbp_partitions(m, "place", "la1")$outside
  expect_identical(out$area, "p2")
  expect_identical(out$leaves[[1]], "l3")
  expect_identical(out$population, 100)
  # Boundaries: a data frame, one row per unit; p2 is cut (within NA, not NULL), 200 in la1 and
  # 100 in la2; respects is an attribute, as the single values of the other answers.
  b <- pbp_boundaries(m, "place", "local_authority")
  expect_s3_class(b, "data.frame")
  expect_false(attr(b, "respects"))
  expect_identical(names(b), c("unit", "within", "pieces", "outside"))
  expect_identical(b$unit, c("p1", "p2"))
  expect_identical(b$within, c("la1", NA))
  expect_identical(b$outside, c(0, 0))
  expect_identical(b$pieces[[2]], data.frame(area = c("la1", "la2"), population = c(200, 100)))
  expect_identical(b$pieces[[1]], data.frame(area = "la1", population = 100))
  expect_identical(attr(pbp_boundaries(m, "p1", "local_authority"), "respects"), TRUE)
  expect_error(pbp_partitions(m, "place", "nowhere"), class = "pbp_error")
})

test_that("coterminosity and fair shares", {
  m <- small()
  # p1 = {l1: 100} within la1; p2 = {l2: 200, l3: 100} shares 200 with la1: 0.6667.
  c1 <- pbp_coterminosity(m, "place", "local_authority")
  expect_identical(attr(c1, "score"), "0.7500")
  expect_identical(c1, structure(data.frame(area = c("p1", "p2"), best = c("la1", "la1"),
                                            coverage = c("1.0000", "0.6667"), relation = c("within", "overlaps"),
                                            stringsAsFactors = FALSE), score = "0.7500"))
  expect_identical(pbp_coterminosity(m, "p2", c("la2"))$relation, "contains")
  expect_identical(pbp_coterminosity(m, c("p1", "p2"), "la1,la2"), pbp_coterminosity(m, "p1,p2", c("la1", "la2")))
  expect_identical(expect_error(pbp_coterminosity(m, c("p2", "nowhere"), "la2"), class = "pbp_error")$status,
                   "PBP_ERR_NOT_FOUND")
  # Weights p1 = 100 x 1, p2 = 300 x 0.5: 400.00 / 600.00; a floor of 450.00 lifts p1.
  expect_identical(as.character(pbp_fair_shares(m, "1000.00", "place")$amount), c("400.00", "600.00"))
  f <- pbp_fair_shares(m, "1000", "place", within = "ics", floor = "450")
  expect_identical(as.character(attr(f, "total")), "1000.00")
  expect_identical(f$area, c("p1", "p2"))
  expect_identical(as.character(f$amount), c("450.00", "550.00"))
  expect_true(sum(f$amount) == attr(f, "total"))
  expect_error(pbp_fair_shares(m, 1000, "place"), class = "pbp_error")
})

test_that("designation, diff and maturity", {
  m <- small()
  d <- pbp_designation(m)
  expect_identical(attr(d, "as_of"), NA_character_)
  expect_identical(d$level, c("place", "system"))
  expect_identical(d$decision_maker, c("p1.director", "icb"))
  # diff: three data frames, one row per change.
  x <- pbp_diff(m, "2023-01-01", as.Date("2023-06-01"))
  expect_identical(x$entities, structure(data.frame(change = "appeared", id = "p1.director"), row.names = 1L))
  expect_identical(x$relations$change, "appeared")
  expect_identical(x$relations$pointer, "/relations/4")
  expect_identical(x$relations$id, NA_character_)
  expect_identical(nrow(x$decisions), 1L)
  expect_identical(x$decisions$before_decision_maker, "p1.committee")
  expect_identical(as.character(x$decisions$after_limit), "100000.00")
  # A side that cannot be asked: fn.local-service-development starts on 2022-04-01 in the
  # bundled nottinghamshire model. Its decision maker and limit are NA, its chains empty.
  nd <- pbp_diff(pbp_bundled("nottinghamshire"), "2022-03-31", "2022-04-01")$decisions
  row <- nd[nd[["function"]] == "fn.local-service-development" & nd$place == "place.bassetlaw", ]
  expect_identical(nrow(row), 1L)
  expect_false(row$before_asked)
  expect_identical(row$before_decision_maker, NA_character_)
  expect_identical(row$before_limit, pbp_money(NA))
  expect_identical(row$before_delegation_chain[[1]], character(0))
  expect_identical(row$before_accountability_chain[[1]], character(0))
  expect_true(row$after_asked)
  # p1.committee: shared_vision developing (2023-06-01), then maturing (2024-01-15).
  mt <- pbp_maturity(m, "p1.committee", as_of = "2023-12-31")
  expect_identical(nrow(mt[[1]]$themes), 10L)
  expect_identical(mt[[1]]$themes$stage[1], "developing")
  ch <- pbp_maturity(m, from = "2023-07-01", to = "2024-02-01")[[1]]$themes
  expect_identical(c(ch$from_stage[1], ch$stage[1]), c("developing", "maturing"))
  expect_identical(ch$change[1], 1L)
  expect_error(pbp_maturity(m, "nobody"), class = "pbp_error")
  expect_error(pbp_diff(m, "2023-01-01", NULL), class = "pbp_error")
})

test_that("a model with errors is refused unless forced", {
  m <- pbp_load(data_file("with_errors.json"))
  e <- expect_error(pbp_accountability(m, "icb"), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_MODEL_HAS_ERRORS")
  expect_identical(e$diagnostic, "E004")
  expect_identical(e$diagnostics$code, "E004")
  expect_identical(pbp_accountability(m, "icb", force = TRUE)$chain, "icb")
})

test_that("who decides PCN development in Bassetlaw (the bundled model)", {
  d <- pbp_decides(pbp_load("nottinghamshire"), "fn.pcn-development", "place.bassetlaw")
  expect_identical(d$place, "place.bassetlaw")
  expect_identical(d$decision_maker, d$delegation_chain[length(d$delegation_chain)])
  expect_identical(d$accountability_chain[1], d$decision_maker)
})

test_that("import areas from an ONS lookup", {
  # Three LSOAs in two districts in one ICB; the population file lacks the third LSOA.
  r <- pbp_import_areas(data_file("lookup.csv"), data_file("population.csv"), name = "Test areas")
  expect_identical(c(r$areas, r$leaves, r$populated), c(6L, 3L, 2L))
  expect_identical(r$diagnostics$code, "W503")
  m <- pbp_parse(r$text)
  expect_identical(pbp_model_info(m)$errors, 0L)
  expect_identical(as.character(pbp_fair_shares(m, "100.00", c("E01000001", "E01000002"))$amount), c("40.00", "60.00"))
  expect_identical(expect_error(pbp_import_areas(file.path(tempdir(), "none.csv")), class = "pbp_error")$status,
                   "PBP_ERR_IO")
})

test_that("import England's organisations from the ODS register excerpts", {
  # The hand-made register excerpts of tests/data/ods (one row, or a few, for each rule and each
  # finding W601-W612), on their small areas model; counted by hand in tests/import_ods_test.cpp.
  ods <- data_file("ods")
  r <- pbp_import_ods(ods, areas = file.path(ods, "areas.json"), name = "Excerpt")
  expect_identical(r$organisations,
                   c(county_council = 1L, department = 1L, district_council = 2L, electorate = 7L,
                     foundation_trust = 1L, gp_practice = 11L, icb = 3L, nhs_england = 1L, nhs_trust = 2L,
                     parliament = 1L, pcn = 4L, unitary_authority = 4L))
  expect_identical(r$bodies, 6L)
  expect_identical(nrow(r$diagnostics), 31L)
  expect_identical(sort(unique(r$diagnostics$code)), sprintf("W6%02d", 1:12))
  expect_identical(names(r$diagnostics), names(pbp_validate(small())))
  model <- jsonlite::fromJSON(r$text, simplifyVector = FALSE)
  expect_identical(model$name, "Excerpt")
  expect_identical(r$relations, length(model$relations))
  expect_identical(sum(r$organisations), length(model$organisations))
  m <- pbp_parse(r$text)
  expect_identical(pbp_model_info(m)$errors, 0L)
  expect_identical(pbp_accountability(m, "QE1")$chain, c("QE1", "nhs-england", "dhsc", "parliament"))
  # The command's default name.
  expect_identical(jsonlite::fromJSON(pbp_import_ods(ods, file.path(ods, "areas.json"))$text)$name,
                   "England's health and care organisations")
})

test_that("import ODS: byte for byte the model `pbp import-ods` writes, with the same findings", {
  # PBP_CLI: the pbp command of the same build (tests/bindings/run.sh sets it).
  cli <- Sys.getenv("PBP_CLI")
  skip_if_not(nzchar(cli) && file.exists(cli), "PBP_CLI (the pbp command) is not set")
  ods <- data_file("ods")
  areas <- file.path(ods, "areas.json")
  out <- tempfile(fileext = ".json")
  on.exit(unlink(out))
  err <- suppressWarnings(system2(cli, c("import-ods", shQuote(ods), "--areas", shQuote(areas), "--name", "Excerpt",
                                         "-o", shQuote(out)), stdout = FALSE, stderr = TRUE))
  expect_null(attr(err, "status"))
  r <- pbp_import_ods(ods, areas = areas, name = "Excerpt")
  expect_identical(charToRaw(enc2utf8(r$text)), readBin(out, "raw", file.size(out)))
  listed <- substring(err[startsWith(err, "  ")], 3L)
  expect_identical(listed, paste0(r$diagnostics$code, " ", r$diagnostics$severity, ": ", r$diagnostics$message))
})

test_that("import ODS: failures are pbp_errors", {
  ods <- data_file("ods")
  areas <- file.path(ods, "areas.json")
  expect_identical(expect_error(pbp_import_ods(file.path(tempdir(), "no-such-folder"), areas), class = "pbp_error")$status,
                   "PBP_ERR_IO")
  # A register without a column the import needs.
  dir <- file.path(tempdir(), "pbp-ods-bad-column")
  dir.create(dir, showWarnings = FALSE)
  on.exit(unlink(dir, recursive = TRUE))
  file.copy(list.files(ods, full.names = TRUE), dir, overwrite = TRUE)
  writeLines(c("ICB24CD,ICB24NM", "E54000048,NHS Lancashire"), file.path(dir, "ons_icb24_names_codes_dec2024_en.csv"))
  expect_identical(expect_error(pbp_import_ods(dir, areas), class = "pbp_error")$status, "PBP_ERR_INVALID_ARGUMENT")
  # Areas that cannot be opened fail as pbp_load fails.
  e <- expect_error(pbp_import_ods(ods, "no-such-model"), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_NOT_FOUND")
  expect_identical(conditionMessage(e), conditionMessage(expect_error(pbp_load("no-such-model"), class = "pbp_error")))
  expect_identical(expect_error(pbp_import_ods(ods, data_file("not_json.json")), class = "pbp_error")$diagnostic, "E001")
  # An areas model with errors: refused (in R's words), unless force = TRUE.
  e <- expect_error(pbp_import_ods(ods, data_file("with_errors.json")), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_MODEL_HAS_ERRORS")
  expect_match(conditionMessage(e), "pass force = TRUE", fixed = TRUE)
  expect_identical(pbp_import_ods(ods, data_file("with_errors.json"), force = TRUE)$organisations[["icb"]], 3L)
  # Arguments checked in R.
  expect_identical(expect_error(pbp_import_ods(NULL), class = "pbp_error")$message, "data_dir must be a single string")
  expect_error(pbp_import_ods(ods, areas = 5), class = "pbp_error")
  expect_error(pbp_import_ods(ods, areas, name = c("a", "b")), class = "pbp_error")
  expect_error(pbp_import_ods(ods, areas, force = NA), class = "pbp_error")
})

test_that("partners: who Lancashire and South Cumbria ICB must work with", {
  skip_if_not("england" %in% pbp_bundled_models(),
              "this pbp was built without the national models (-DPBP_BUNDLE_ENGLAND=OFF)")
  # Figures from data/england/ods_facts.py (the CSVs, not pbp).
  m <- pbp_bundled("england")
  p <- pbp_partners(m, "QE1")
  expect_identical(attr(p, "node"), "QE1")
  expect_identical(attr(p, "population"), 1737241)
  expect_identical(attr(p, "uncovered"), 0)
  row <- function(id) p[p$council == id, ]
  expect_identical(row("council.E06000008")$whole, TRUE)
  expect_identical(row("council.E06000063")$overlap, 8400)
  expect_identical(row("council.E06000063")$population, 275390)
  expect_identical(row("council.E06000063")$whole, FALSE)
  expect_identical(row("council.E06000065")$overlap, 6197)
  expect_identical(expect_error(pbp_partners(m, "nowhere"), class = "pbp_error")$status, "PBP_ERR_NOT_FOUND")
})

test_that("a day is one real day, written YYYY-MM-DD or a Date", {
  m <- small()
  # NA was taken for no day at all (p1.director answered), and of two days the first was used.
  for (bad in list(as.Date(NA), as.Date(c("2023-01-01", "2024-01-01")), as.Date(Inf), NA, NA_character_,
                   c("2023-01-01", "2024-01-01"), character(), 20230101, TRUE)) {
    e <- expect_error(pbp_decides(m, "fn", "p1", as_of = bad), "as_of must be", class = "pbp_error")
    expect_identical(e$status, "PBP_ERR_INVALID_ARGUMENT")
    expect_error(pbp_places(m, bad), "as_of must be", class = "pbp_error")
    expect_error(pbp_diff(m, "2023-01-01", bad), "to must be", class = "pbp_error")
  }
  # The places and functions are answered in R from the model's JSON: the day is checked there
  # as the library checks it, in its words.
  for (bad in c("garbage", "2023-02-29", "2022-13-45", "2023-1-01", " 2023-01-01", "2023-04-31")) {
    msg <- sprintf("as_of must be a date written YYYY-MM-DD, not '%s'", bad)
    expect_error(pbp_places(m, bad), msg, fixed = TRUE, class = "pbp_error")
    expect_error(pbp_functions(m, bad), msg, fixed = TRUE, class = "pbp_error")
    expect_error(pbp_decides_table(m, as_of = bad), msg, fixed = TRUE, class = "pbp_error")
    expect_error(pbp_decides(m, "fn", "p1", as_of = bad), msg, fixed = TRUE, class = "pbp_error")
  }
  expect_identical(pbp_places(m, "2024-02-29"), c("p1", "p2"))
  expect_identical(pbp_functions(m, as.Date("2024-02-29")), "fn")
  expect_identical(pbp_decides(m, "fn", "p1", as_of = as.Date("2023-01-01"))$decision_maker, "p1.committee")
  # A Date before the year 1000 keeps its four digits (format() would write "99-01-01").
  expect_identical(pbp:::.date(as.Date("0099-01-01")), "0099-01-01")
})

test_that("arguments are what they say: force TRUE or FALSE, one year", {
  m <- pbp_load(data_file("with_errors.json"))
  # "yes" and NA were taken for FALSE (a refusal that looked like the model's fault).
  for (bad in list("yes", NA, c(TRUE, TRUE), 1, NULL)) {
    e <- expect_error(pbp_accountability(m, "icb", force = bad), "force must be TRUE or FALSE", class = "pbp_error")
    expect_identical(e$status, "PBP_ERR_INVALID_ARGUMENT")
    expect_error(pbp_decides_table(small(), "fn", force = bad), "force must be TRUE or FALSE", class = "pbp_error")
    expect_error(pbp_accountability_table(small(), force = bad), "force must be TRUE or FALSE", class = "pbp_error")
    expect_error(pbp_balances(small(), 2023, force = bad), "force must be TRUE or FALSE", class = "pbp_error")
  }
  expect_identical(pbp_accountability(m, "icb", force = TRUE)$chain, "icb")
  expect_identical(pbp_decides_table(small(), character(), force = FALSE)$place, character())
  # 1e10 gave coercion warnings, then "not 'NA/NA'".
  s <- small()
  for (bad in list(1e10, 2023.5, -1, NA, NA_real_, c(2023, 2024), Inf, TRUE, NA_character_, c("2023/24", "2024/25"))) {
    e <- expect_error(expect_silent(pbp_balances(s, bad)), "year must be one financial year", class = "pbp_error")
    expect_identical(conditionCall(e)[[1]], as.name("pbp_balances"))
    expect_error(pbp_trace(s, "provider", bad), "year must be one financial year", class = "pbp_error")
  }
  expect_identical(pbp_balances(s, 2023), pbp_balances(s, "2023/24"))
  expect_identical(pbp_balances(s, 2023L), pbp_balances(s, "2023/24"))
  expect_identical(attr(pbp_balances(s, 999), "year"), "0999/00")
  expect_identical(attr(pbp_balances(s, 2099), "year"), "2099/00")
})
