# Every many-row answer is a data frame whose columns are named as the JSON keys, with money as
# pbp_money: each row is compared here with the C library's JSON answer (raw_answer, helper-json.R)
# on bundled models; the lists of places and functions are worked out from the model's JSON.

money_models <- c("nottinghamshire", "west-yorkshire", "greater-manchester")   # the ones with flows
all_models <- c(money_models, "lancashire-south-cumbria", "black-country")

expect_money_column <- function(column, json_values) {
  expect_s3_class(column, "pbp_money")
  expect_identical(as.character(column), vapply(json_values, na_if_null, ""))
}

test_that("balances and trace: one row per node and per source, money exact", {
  for (name in money_models) {
    m <- pbp_bundled(name)
    years <- unique(vapply(model_json(m)$flows, function(f) f$year, ""))
    expect_true(length(years) > 0)
    for (year in years) {
      r <- raw_answer(C("balances"), m, year, FALSE)
      b <- pbp_balances(m, year)
      expect_identical(names(b), c("id", "inflow", "outflow", "net"))
      expect_identical(b$id, vapply(r$nodes, function(n) n$id, ""))
      for (k in c("inflow", "outflow", "net")) expect_money_column(b[[k]], lapply(r$nodes, `[[`, k))
      expect_identical(attr(b, "year"), r$year)
      # Money in equals money out plus what stays (exact sums of pbp_money).
      expect_true(sum(b$inflow) - sum(b$outflow) == sum(b$net))
      for (node in b$id[b$inflow > "0.00"]) {
        rt <- raw_answer(C("trace"), m, node, year, FALSE)
        t <- pbp_trace(m, node, year)
        expect_identical(names(t), c("source", "amount"))
        expect_identical(t$source, vapply(rt$sources, function(s) s$source, ""))
        expect_money_column(t$amount, lapply(rt$sources, `[[`, "amount"))
        expect_true(sum(t$amount) == attr(t, "total"))
        expect_true(attr(t, "total") == b$inflow[b$id == node])
      }
    }
  }
})

test_that("coterminosity, partners and fair shares: rows as the JSON", {
  for (name in all_models) {
    m <- pbp_bundled(name)
    doc <- model_json(m)
    kinds <- intersect(unique(vapply(doc$areas, function(a) a$kind, "")), c("local_authority", "district", "unit"))
    for (kind in kinds) {
      r <- raw_answer(C("coterminosity"), m, "place", kind, NULL, NULL, FALSE)
      c1 <- pbp_coterminosity(m, "place", kind)
      expect_identical(names(c1), c("area", "best", "coverage", "relation"))
      for (k in names(c1)) expect_identical(c1[[k]], vapply(r$areas, function(a) a[[k]], ""))
      expect_identical(attr(c1, "score"), r$score)
      expect_identical(c1$area, pbp_places(m))
    }
    for (icb in Filter(Negate(is.na), vapply(doc$organisations, function(o) if (identical(o$kind, "icb")) o$id else NA_character_, ""))) {
      r <- raw_answer(C("partners"), m, icb, NULL, FALSE)
      p <- pbp_partners(m, icb)
      expect_identical(names(p), c("council", "areas", "population", "overlap", "share", "whole"))
      expect_identical(p$council, vapply(r$councils, function(x) x$council, ""))
      expect_identical(unclass(p$areas), lapply(r$councils, function(x) as.character(unlist(x$areas))))
      expect_identical(p$population, vapply(r$councils, function(x) as.numeric(x$population), 0))
      expect_identical(p$overlap, vapply(r$councils, function(x) as.numeric(x$overlap), 0))
      expect_identical(p$share, vapply(r$councils, function(x) x$share, ""))
      expect_identical(p$whole, vapply(r$councils, function(x) x$whole, TRUE))
    }
    r <- tryCatch(raw_answer(C("fair_shares"), m, "1000000.00", "place", NULL, NULL, NULL, FALSE),
                  pbp_error = function(e) NULL)
    if (!is.null(r)) {
      f <- pbp_fair_shares(m, "1000000.00", "place")
      expect_identical(f$area, vapply(r$shares, function(s) s$area, ""))
      expect_money_column(f$amount, lapply(r$shares, `[[`, "amount"))
      expect_true(sum(f$amount) == "1000000.00")
    }
  }
})

test_that("designation, decides over places and accountability: rows as the JSON", {
  for (name in all_models) {
    m <- pbp_bundled(name)
    doc <- model_json(m)
    r <- raw_answer(C("designation"), m, NULL, FALSE)
    d <- pbp_designation(m)
    expect_identical(names(d), c("function", "service_area", "place", "level", "decision_maker"))
    for (k in names(d)) expect_identical(d[[k]], vapply(r$designations, function(x) na_if_null(x[[k]]), ""))

    # Places and functions from the file itself.
    places <- sort(vapply(Filter(function(a) identical(a$kind, "place"), doc$areas), function(a) a$id, ""),
                   method = "radix")
    expect_identical(pbp_places(m), places)
    holders <- unlist(lapply(c("organisations", "bodies", "posts"), function(s) vapply(doc[[s]], function(e) e$id, "")))
    fns <- sort(vapply(Filter(function(f) !is.null(f$holder) && f$holder %in% holders, doc$functions),
                       function(f) f$id, ""), method = "radix")
    expect_identical(pbp_functions(m), fns)

    t <- pbp_decides_table(m)
    expect_identical(names(t), c("function", "place", "holder", "decision_maker", "delegation_chain",
                                 "accountability_chain", "limit"))
    expect_identical(nrow(t), length(fns) * length(places))
    expect_identical(t[["function"]], rep(fns, each = length(places)))
    expect_identical(t$place, rep(places, times = length(fns)))
    for (i in seq_len(nrow(t))) {
      x <- raw_answer(C("decides"), m, t[["function"]][i], t$place[i], NULL, FALSE)
      expect_identical(c(t$holder[i], t$decision_maker[i]), c(x$holder, x$decision_maker))
      expect_identical(t$delegation_chain[[i]], as.character(unlist(x$delegation_chain)))
      expect_identical(t$accountability_chain[[i]], as.character(unlist(x$accountability_chain)))
      expect_identical(as.character(t$limit[i]), na_if_null(x$limit))
    }
    expect_s3_class(t$limit, "pbp_money")
    # Another query answers the same: designation's decision maker for each function and place.
    key <- paste(t[["function"]], t$place)
    expect_identical(t$decision_maker[match(paste(d[["function"]], d$place), key)], d$decision_maker)

    nodes <- unlist(lapply(c("organisations", "bodies"), function(s) vapply(doc[[s]], function(e) e$id, "")))
    a <- pbp_accountability_table(m, nodes)
    expect_identical(a$node, nodes)
    for (i in seq_along(nodes)) {
      x <- raw_answer(C("accountability"), m, nodes[i], NULL, FALSE)
      for (k in c("chain", "reachable", "apexes")) expect_identical(a[[k]][[i]], as.character(unlist(x[[k]])))
    }
  }
})

test_that("diff: entities, relations and decisions as data frames, as the JSON", {
  for (name in all_models) {
    m <- pbp_bundled(name)
    doc <- model_json(m)
    days <- sort(unique(unlist(lapply(c(doc$areas, doc$organisations, doc$bodies, doc$posts, doc$relations),
                                      function(e) c(e$valid_from, e$valid_to)))))
    if (length(days) < 1) next
    pairs <- cbind(as.character(as.Date(days) - 1), days)  # the day before each change, and the day of it
    for (i in seq_len(nrow(pairs))) {
      r <- raw_answer(C("diff"), m, pairs[i, 1], pairs[i, 2], FALSE)
      x <- pbp_diff(m, pairs[i, 1], pairs[i, 2])
      expect_identical(x$entities$id, c(as.character(unlist(r$entities$appeared)), as.character(unlist(r$entities$disappeared))))
      expect_identical(x$entities$change, rep(c("appeared", "disappeared"), c(length(r$entities$appeared), length(r$entities$disappeared))))
      rels <- c(r$relations$appeared, r$relations$disappeared)
      for (k in c("pointer", "id", "kind", "from", "to")) expect_identical(x$relations[[k]], vapply(rels, function(v) na_if_null(v[[k]]), ""))
      expect_identical(nrow(x$decisions), length(r$decisions))
      for (j in seq_along(r$decisions)) {
        c1 <- r$decisions[[j]]
        expect_identical(c(x$decisions[["function"]][j], x$decisions$place[j]), c(c1[["function"]], c1$place))
        for (side in c("before", "after")) {
          s <- c1[[side]]
          expect_identical(x$decisions[[paste0(side, "_asked")]][j], !is.null(s))
          expect_identical(x$decisions[[paste0(side, "_decision_maker")]][j], na_if_null(s$decision_maker))
          expect_identical(x$decisions[[paste0(side, "_delegation_chain")]][[j]], as.character(unlist(s$delegation_chain)))
          expect_identical(as.character(x$decisions[[paste0(side, "_limit")]][j]), na_if_null(s$limit))
        }
      }
    }
  }
})

test_that("partitions and boundaries: data frames as the JSON", {
  as_people <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)
  for (name in all_models) {
    m <- pbp_bundled(name)
    doc <- model_json(m)
    kinds <- intersect(unique(vapply(doc$areas, function(a) a$kind, "")), c("local_authority", "district", "unit", "place"))
    wholes <- vapply(Filter(function(a) a$kind %in% c("ics", "icb", "system"), doc$areas), function(a) a$id, "")
    for (kind in kinds) {
      for (whole in wholes) {
        r <- raw_answer(C("partitions"), m, kind, whole, NULL, NULL, FALSE)
        p <- pbp_partitions(m, kind, whole)
        expect_identical(p$whole, r$whole)
        expect_identical(p$parts, as.character(unlist(r$parts)))
        expect_identical(p$partitions, r$partitions)
        expect_identical(p$gap, list(leaves = as.character(unlist(r$gap$leaves)), population = as_people(r$gap$population)))
        expect_identical(p$overlaps$areas, I(lapply(r$overlaps, function(o) as.character(unlist(o$areas)))))
        expect_identical(p$overlaps$leaves, I(lapply(r$overlaps, function(o) as.character(unlist(o$leaves)))))
        expect_identical(p$overlaps$population, vapply(r$overlaps, function(o) as_people(o$population), 0))
        expect_identical(p$outside$area, vapply(r$outside, function(o) o$area, ""))
        expect_identical(p$outside$leaves, I(lapply(r$outside, function(o) as.character(unlist(o$leaves)))))
        expect_identical(p$outside$population, vapply(r$outside, function(o) as_people(o$population), 0))
      }
      for (areas in setdiff(kinds, kind)) {
        r <- raw_answer(C("boundaries"), m, kind, areas, NULL, NULL, FALSE)
        b <- pbp_boundaries(m, kind, areas)
        expect_identical(attr(b, "respects"), r$respects)
        expect_identical(b$unit, vapply(r$units, function(u) u$unit, ""))
        expect_identical(b$within, vapply(r$units, function(u) na_if_null(u$within), ""))
        expect_identical(b$outside, vapply(r$units, function(u) as_people(u$outside), 0))
        for (i in seq_along(r$units)) {
          expect_identical(b$pieces[[i]]$area, vapply(r$units[[i]]$pieces, function(x) x$area, ""))
          expect_identical(b$pieces[[i]]$population, vapply(r$units[[i]]$pieces, function(x) as_people(x$population), 0))
        }
      }
    }
  }
})

test_that("validate: one row per diagnostic, as the JSON", {
  for (path in c(data_file("with_errors.json"), data_file("small.json"))) {
    m <- pbp_load(path)
    r <- raw_answer(C("model_validate"), m)
    v <- pbp_validate(m)
    expect_identical(names(v), c("code", "severity", "message", "ids", "path", "line", "column"))
    for (k in c("code", "severity", "message", "path")) expect_identical(v[[k]], vapply(r$diagnostics, function(d) d[[k]], ""))
    expect_identical(unclass(v$ids), lapply(r$diagnostics, function(d) as.character(unlist(d$ids))))
  }
})
