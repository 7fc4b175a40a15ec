# The tables of many answers come from the library's batch queries: each row is the single
# query's answer, on every node (every place of every function) of bundled models.

test_that("pbp_accountability_table with no nodes is the single query on every organisation, body and post", {
  for (name in c("nottinghamshire", "black-country")) {
    m <- pbp_load(name)
    model <- jsonlite::fromJSON(pbp_export(m, "json"), simplifyVector = FALSE)
    ids <- unlist(lapply(c("organisations", "bodies", "posts"),
                         function(s) vapply(model[[s]], function(e) e$id, character(1))))
    a <- pbp_accountability_table(m)
    expect_s3_class(a, "data.frame")
    # Byte order of ids, as the library sorts them (C locale).
    expect_identical(a$node, ids[order(ids, method = "radix")])
    for (k in seq_len(nrow(a))) {
      one <- pbp_accountability(m, a$node[[k]])
      expect_identical(a$chain[[k]], one$chain)
      expect_identical(a$reachable[[k]], one$reachable)
      expect_identical(a$apexes[[k]], one$apexes)
    }
  }
})

test_that("pbp_accountability_table keeps the order asked and refuses bad lists", {
  a <- pbp_accountability_table(small(), c("parliament", "p1.director", "icb"))
  expect_identical(a$node, c("parliament", "p1.director", "icb"))
  expect_identical(a$chain[[2]], c("p1.director", "p1.committee", "icb", "nhse", "parliament"))
  e <- expect_error(pbp_accountability_table(small(), c("icb", "nobody")), class = "pbp_error")
  expect_identical(e$status, "PBP_ERR_NOT_FOUND")
  expect_match(conditionMessage(e), "nobody")
  expect_error(pbp_accountability_table(small(), c("icb", NA)), class = "pbp_error")
  expect_error(pbp_accountability_table(small(), 3), class = "pbp_error")
  expect_false("p1.director" %in% pbp_accountability_table(small(), as_of = "2023-01-01")$node)
})

test_that("pbp_decides_table is the single query at every place of every function", {
  m <- pbp_load("nottinghamshire")
  d <- pbp_decides_table(m)
  fns <- pbp_functions(m)
  places <- pbp_places(m)
  expect_identical(nrow(d), length(fns) * length(places))
  for (k in seq_len(nrow(d))) {
    one <- pbp_decides(m, d[["function"]][[k]], d$place[[k]])
    expect_identical(d$decision_maker[[k]], one$decision_maker)
    expect_identical(d$delegation_chain[[k]], one$delegation_chain)
    expect_identical(d$accountability_chain[[k]], one$accountability_chain)
    expect_identical(d$limit[k], one$limit)
  }
  d <- pbp_decides_table(small(), "fn", c("p2", "p1"))
  expect_identical(d$decision_maker, c("icb", "p1.director"))
})
