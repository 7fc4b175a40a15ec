# Many-row answers as data frames: one row per thing answered for, columns named as the keys of
# the query's JSON (SPEC section 2), money as pbp_money, lists of ids as list columns.

# A data frame from a list of JSON objects: `columns` in order; those in `money` as pbp_money,
# `lists` as list columns of character vectors, `numbers` as double (counts of people: whole
# numbers, exact in a double), `logicals` as logical; the rest character (JSON null = NA).
.rows_df <- function(rows, columns, money = character(), lists = character(), numbers = character(),
                     logicals = character()) {
  cols <- lapply(columns, function(k) {
    if (k %in% money) return(.money_col(rows, k))
    if (k %in% lists) return(I(lapply(rows, function(r) unname(.chrs(r[[k]])))))
    if (k %in% numbers) return(vapply(rows, function(r) if (is.null(r[[k]])) NA_real_ else as.numeric(r[[k]]), 0))
    if (k %in% logicals) return(vapply(rows, function(r) if (is.null(r[[k]])) NA else isTRUE(r[[k]]), TRUE))
    vapply(rows, function(r) .chr(r[[k]]), character(1))
  })
  names(cols) <- columns
  structure(cols, class = "data.frame", row.names = seq_along(rows))
}

.with_attrs <- function(df, ...) {
  extra <- list(...)
  for (k in names(extra)) attr(df, k) <- extra[[k]]
  df
}

# SPEC 2.5/2.6.1: with no day everything exists; on day d, valid_from <= d < valid_to.
.alive <- function(e, day) {
  is.null(day) || ((is.null(e$valid_from) || e$valid_from <= day) && (is.null(e$valid_to) || day < e$valid_to))
}

.byte_sort <- function(x) x[order(x, method = "radix")]  # byte-wise, as the library sorts ids

.places_in <- function(doc, day) {
  .byte_sort(vapply(Filter(function(a) identical(a$kind, "place") && .alive(a, day), doc$areas), function(a) a$id, ""))
}

.functions_in <- function(doc, day) {
  live <- unlist(lapply(c("organisations", "bodies", "posts"), function(s)
    vapply(Filter(function(e) .alive(e, day), doc[[s]]), function(e) e$id, "")))
  fs <- Filter(function(f) .alive(f, day) && !is.null(f$holder) && f$holder %in% live, doc$functions)
  .byte_sort(vapply(fs, function(f) f$id, ""))
}

.document <- function(model) .json(pbp_export(.model(model), "json"))

pbp_places <- function(model, as_of = NULL) .places_in(.document(model), .date(as_of))

pbp_functions <- function(model, as_of = NULL) .functions_in(.document(model), .date(as_of))

# One pbp_model_decides_batch call per function (its places in one JSON array), the answers in
# the order of expand.grid(place, fn): every place of the first function, then the next.
.decides_many <- function(model, functions, places, as_of, force) {
  places_json <- .ids_json(places, "places")
  per_function <- lapply(functions, function(fn)
    .json(.value(.Call(C_pbp_r_decides_batch, model, fn, places_json, .date(as_of), .flag(force, "force")))))
  if (length(per_function)) do.call(c, per_function) else list()
}

# One pbp_model_accountability_batch call; NULL nodes = every organisation, body and post.
.accountability_many <- function(model, nodes, as_of, force) {
  .json(.value(.Call(C_pbp_r_accountability_batch, model, .ids_json(nodes, "nodes"), .date(as_of), .flag(force, "force"))))
}

.ids_arg <- function(x, what) {
  if (!is.character(x) || anyNA(x))
    stop(.pbp_error(-1L, sprintf("%s must be ids (character)", what)))
  enc2utf8(x)
}

pbp_decides_table <- function(model, functions = NULL, places = NULL, as_of = NULL, force = FALSE) {
  .flag(force, "force")
  model <- .model(model)
  doc <- if (is.null(functions) || is.null(places)) .document(model) else NULL
  fs <- if (is.null(functions)) .functions_in(doc, .date(as_of)) else .ids_arg(functions, "functions")
  ps <- if (is.null(places)) .places_in(doc, .date(as_of)) else .ids_arg(places, "places")
  rows <- .decides_many(model, fs, ps, as_of, force)
  .rows_df(rows, c("function", "place", "holder", "decision_maker", "delegation_chain", "accountability_chain",
                   "limit"), lists = c("delegation_chain", "accountability_chain"), money = "limit")
}

pbp_accountability_table <- function(model, nodes = NULL, as_of = NULL, force = FALSE) {
  rows <- .accountability_many(.model(model), if (is.null(nodes)) NULL else .ids_arg(nodes, "nodes"), as_of, force)
  .rows_df(rows, c("node", "chain", "reachable", "apexes"), lists = c("chain", "reachable", "apexes"))
}
