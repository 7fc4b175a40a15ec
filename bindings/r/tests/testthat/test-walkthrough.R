# The walk-through inst/examples/england.R runs end to end, and its three answers agree with the
# model itself: the C library's JSON, and figures worked out here from the model's LSOAs.
test_that("the england walk-through answers its three questions", {
  skip_if_not("england" %in% pbp_bundled_models(),
              "this pbp was built without the national models (-DPBP_BUNDLE_ENGLAND=OFF)")
  script <- system.file("examples", "england.R", package = "pbp")
  expect_true(nzchar(script))
  env <- new.env()
  expect_output(sys.source(script, envir = env), "Sum of the shares: £1,000,000,000.00")
  m <- env$england
  doc <- model_json(m)

  # 1. Councils of Lancashire and South Cumbria ICB: the JSON answer, row by row; the partly
  # covered ones are exactly those with whole = false, each with overlap < population.
  r <- raw_answer(C("partners"), m, "QE1", NULL, FALSE)
  expect_identical(env$partners$council, vapply(r$councils, function(x) x$council, ""))
  expect_identical(env$partners$whole, vapply(r$councils, function(x) x$whole, TRUE))
  expect_identical(env$partly$council, vapply(Filter(function(x) !x$whole, r$councils), function(x) x$council, ""))
  expect_true(all(env$partly$overlap < env$partly$population))
  expect_true(nrow(env$partly) > 0)

  # 2. Regions' shares: exactly pbp_allocate() of the total by each region's population, summed
  # here from the LSOAs that lie within it (areas in id order, SPEC 2.6.9), and summing to £1bn.
  regions <- sort(vapply(Filter(function(a) identical(a$kind, "region"), doc$areas), function(a) a$id, ""),
                  method = "radix")
  lsoas <- Filter(function(a) identical(a$kind, "lsoa"), doc$areas)
  people <- vapply(regions, function(g) sum(vapply(lsoas, function(a)
    if (g %in% unlist(a$within) && !is.null(a$population)) as.numeric(a$population) else 0, 0)), 0)
  expect_identical(env$shares$area, regions)
  expect_true(all(env$shares$amount == pbp_allocate("1000000000.00", format(people, scientific = FALSE, trim = TRUE))))
  expect_true(env$total == "1000000000.00")
  expect_s3_class(env$shares$amount, "pbp_money")

  # 3. Every ICB of the model, each with its JSON accountability chain, ending at an apex.
  icbs <- vapply(Filter(function(o) identical(o$kind, "icb"), doc$organisations), function(o) o$id, "")
  expect_identical(length(icbs), 42L)
  expect_identical(env$chains$node, icbs)
  for (i in seq_along(icbs)) {
    x <- raw_answer(C("accountability"), m, icbs[i], NULL, FALSE)
    expect_identical(env$chains$chain[[i]], as.character(unlist(x$chain)))
    expect_true(env$chains$top[i] %in% unlist(x$apexes))
  }
})
