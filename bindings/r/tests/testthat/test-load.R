test_that("a model file loads, with its name and no diagnostics", {
  m <- small()
  expect_s3_class(m, "pbp_model")
  info <- pbp_model_info(m)
  expect_identical(info$name, "Small test partnership")
  expect_identical(c(info$errors, info$warnings), c(0L, 0L))
  expect_identical(nrow(pbp_validate(m)), 0L)
  expect_output(print(m), "Small test partnership")
})

test_that("bundled models load by name, and pbp_load falls back to them", {
  expect_true("nottinghamshire" %in% pbp_bundled_models())
  a <- pbp_load("nottinghamshire")
  b <- pbp_bundled()
  expect_identical(pbp_model_info(a)$name, pbp_model_info(b)$name)
  e <- expect_error(pbp_bundled("atlantis"), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_NOT_FOUND")
  expect_match(conditionMessage(e), "nottinghamshire")
})

test_that("text loads, with comments and trailing commas", {
  m <- pbp_parse('{"format": "pbp/1", "name": "From text", // note\n "organisations": [{"id": "x", "kind": "icb"},],}')
  expect_identical(pbp_model_info(m)$name, "From text")
  m2 <- pbp_parse(c('{"format": "pbp/1",', '"name": "Two lines — £"}'))
  expect_identical(pbp_model_info(m2)$name, "Two lines — £")
})

test_that("not JSON is E001 with a line and column; a wrong format is E002", {
  e <- expect_error(pbp_load(data_file("not_json.json")), class = "pbp_error")
  expect_identical(e$code, -2L)
  expect_identical(e$status, "PBP_ERR_PARSE")
  expect_identical(e$diagnostic, "E001")
  expect_match(conditionMessage(e), "^E001 at line ")
  expect_identical(e$diagnostics$code, "E001")
  expect_true(is.integer(e$diagnostics$line) && !is.na(e$diagnostics$line))
  e2 <- expect_error(pbp_load(data_file("wrong_format.json")), class = "pbp_error")
  expect_identical(e2$diagnostic, "E002")
  expect_error(pbp_parse('{"format": "pbp/1", "name": '), class = "pbp_error")
})

test_that("missing files, directories and bad arguments are errors, not crashes", {
  e <- expect_error(pbp_load(file.path(tempdir(), "no-such-file.json")), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_NOT_FOUND")
  e <- expect_error(pbp_load(tempdir()), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_IO")
  expect_error(pbp_load(NA_character_), class = "pbp_error")
  expect_error(pbp_load(42), class = "pbp_error")
  expect_error(pbp_decides("not a model", "fn", "p1"), class = "pbp_error")
})

test_that("a model with errors loads; validate lists them as a data frame", {
  # with_errors.json: a board whose "of" names a missing organisation (E004), which also leaves
  # it answering to no organisation (W102).
  m <- pbp_load(data_file("with_errors.json"))
  expect_identical(unlist(pbp_model_info(m)[c("errors", "warnings")]), c(errors = 1L, warnings = 1L))
  v <- pbp_validate(m)
  expect_identical(v$code, c("E004", "W102"))
  expect_identical(v$severity, c("error", "warning"))
  expect_identical(v$path[1], "/bodies/0/of")
  expect_identical(v$line[1], 6L)
  expect_identical(v$ids[[1]], c("board", "missing-org"))
})

test_that("closing frees the model; a closed model is refused with a message", {
  m <- small()
  expect_true(pbp_is_open(m))
  pbp_close(m)
  expect_false(pbp_is_open(m))
  pbp_close(m)  # twice is fine
  e <- expect_error(pbp_decides(m, "fn", "p1"), class = "pbp_error")
  expect_match(conditionMessage(e), "closed")
  expect_output(print(m), "closed")
})

test_that("a model restored from a saved workspace is refused, not dereferenced", {
  m <- small()
  f <- tempfile(fileext = ".rds")
  saveRDS(m, f)
  restored <- readRDS(f)
  unlink(f)
  expect_false(pbp_is_open(restored))
  expect_error(pbp_accountability(restored, "icb"), "saved session", class = "pbp_error")
})

test_that("models are freed by the garbage collector", {
  for (i in 1:50) small()
  expect_silent(gc())
})

test_that("save, export and report", {
  m <- small()
  f <- tempfile(fileext = ".json")
  pbp_save(m, f)
  again <- pbp_load(f)
  expect_identical(pbp_decides(again, "fn", "p1"), pbp_decides(m, "fn", "p1"))
  expect_identical(paste(readLines(f), collapse = "\n"), sub("\n$", "", pbp_export(m)))
  unlink(f)
  expect_match(pbp_export(m, "dot"), "p1.committee")
  graphml <- pbp_export(m, "graphml", as_of = as.Date("2023-01-01"))
  expect_match(graphml, "<graphml")
  expect_false(grepl("p1.director", graphml, fixed = TRUE))  # starts on 2023-04-01
  expect_error(pbp_export(m, "svg"))
  expect_error(pbp_export(m, "json", as_of = "2023-01-01"), class = "pbp_error")
  e <- expect_error(pbp_save(m, file.path(tempdir(), "no-such-dir", "x.json")), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_IO")
  r <- pbp_report(pbp_load(data_file("with_errors.json")))
  expect_match(r, "A model with an error")
  expect_match(r, "E004")
})

test_that("report as one HTML page", {
  m <- pbp_load(data_file("with_errors.json"))
  if (identical(Sys.getenv("PBP_HTML_REPORT"), "OFF")) {  # a library built without it: a clear error
    expect_error(pbp_report_html(m), "PBP_HTML_REPORT=OFF", fixed = TRUE, class = "pbp_error")
  } else {
    page <- pbp_report_html(m)
    expect_true(startsWith(page, "<!DOCTYPE html>"))
    for (id in c("accountability", "money", "decisions", "geography", "problems")) {
      expect_true(grepl(sprintf('<section id="%s">', id), page, fixed = TRUE))
    }
    expect_match(page, "E004")
    expect_false(identical(pbp_report_html(m, as_of = "2023-01-01"), page))
  }
  expect_error(pbp_report_html(m, as_of = "yesterday"), class = "pbp_error")
})

test_that("version", {
  expect_identical(pbp_version(), "0.1.0")
})
